using Broadside.Engine;

namespace Broadside.Build;

/// <summary>How far a build has gone: phases done out of phases to run, and the one that just finished.</summary>
/// <param name="Done">Phases finished.</param>
/// <param name="Total">Phases the build runs.</param>
/// <param name="Last">The phase that just finished.</param>
public sealed record BuildProgress(int Done, int Total, PhaseTiming Last);
