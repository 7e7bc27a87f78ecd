namespace Broadside.Engine;

/// <summary>The pipelines do not form a valid graph: a duplicate or unknown name, or a cycle.</summary>
public sealed class PipelineGraphException(string message) : Exception(message);
