using System.Text.Json;

namespace Broadside.Tests.Architecture;

/// <summary>
/// The processes that build sites run with a configuration of the .NET JIT that keeps them clear of
/// its crash on enumerators: with the profiles of tiered PGO, .NET 10 can stack-allocate the
/// enumerator of Parlot's HybridList, which Fluid's AstVisitor walks, and end the process with an
/// AccessViolationException.
/// </summary>
public sealed class RuntimeConfigurationTests
{
    [Fact]
    public void The_command_compiles_every_method_optimised_on_first_call_so_no_profile_guides_it()
    {
        var options = ConfigProperties(Path.Combine(AppContext.BaseDirectory, "broadside.runtimeconfig.json"));

        Assert.True(options.TryGetProperty("System.Runtime.TieredCompilation.QuickJit", out var quick), "broadside.runtimeconfig.json sets no QuickJit");
        Assert.False(quick.GetBoolean());
    }

    [Fact]
    public void The_test_host_runs_without_tiered_PGO()
    {
        Assert.Equal("false", AppContext.GetData("System.Runtime.TieredPGO")?.ToString(), ignoreCase: true);
    }

    private static JsonElement ConfigProperties(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
