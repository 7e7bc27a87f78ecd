using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadside.Diagnostics;
using Broadside.Engine;

namespace Broadside.Tests.Engine;

public sealed class PipelineEngineTests
{
    [Fact]
    public void Runs_the_phases_in_order_Input_Process_PostProcess_Output()
    {
        var log = new ConcurrentQueue<(string Pipeline, Phase Declared, Phase Seen)>();
        Step Log(Phase declared) => Observe(context => log.Enqueue((context.Pipeline.Name, declared, context.Phase)));
        Pipeline Make(string name) => new(name)
        {
            Input = [Log(Phase.Input), Add($"{name}-in")],
            Process = [Log(Phase.Process), Add($"{name}-process")],
            PostProcess = [Log(Phase.PostProcess), Add($"{name}-post")],
            Output = [Log(Phase.Output), Add($"{name}-out")],
        };

        var result = new PipelineEngine([Make("A"), Make("B"), Make("C")]).Run(new DiagnosticBag());

        var entries = log.ToArray();
        Assert.Equal(12, entries.Length);
        Assert.All(entries, e => Assert.Equal(e.Declared, e.Seen));

        // Every pipeline finishes a phase before any pipeline starts the next one.
        var phases = entries.Select(e => e.Seen).ToArray();
        Assert.Equal(phases.Order(), phases);
        foreach (var name in new[] { "A", "B", "C" })
        {
            Assert.Equal(
                [Phase.Input, Phase.Process, Phase.PostProcess, Phase.Output],
                entries.Where(e => e.Pipeline == name).Select(e => e.Seen));
        }

        Assert.True(result.Completed);
        Assert.Equal(["A-in", "A-process"], Names(result.ProcessOutputs["A"]));
        Assert.Equal(["B-in", "B-process", "B-post", "B-out"], Names(result.Outputs["B"]));
    }

    [Fact]
    public void Process_sees_the_Process_outputs_of_its_transitive_dependencies()
    {
        var seen = new ConcurrentDictionary<string, string[]>();
        var a = new Pipeline("A")
        {
            Input = [Add("a-in")],
            Process = [Sleep(40), Add("a-process")],
            PostProcess = [Add("a-post")],
        };
        var b = new Pipeline("B") { DependsOn = ["A"], Process = [Sleep(20), Add("b-process")] };
        var c = new Pipeline("C")
        {
            DependsOn = ["B"],
            Process =
            [
                Observe(context =>
                {
                    seen["A"] = Names(context.OutputsOf("A"));
                    seen["B"] = Names(context.OutputsOf<Item>("B"));
                    seen["all"] = Names(context.AllOutputs);
                }),
            ],
        };

        var diagnostics = new DiagnosticBag();
        new PipelineEngine([c, b, a]).Run(diagnostics);

        Assert.Empty(diagnostics.ToImmutableSorted());
        Assert.Equal(["a-in", "a-process"], seen["A"]);
        Assert.Equal(["b-process"], seen["B"]);
        Assert.Equal(["a-in", "a-process", "b-process"], seen["all"]);
    }

    [Fact]
    public void Process_cannot_read_a_pipeline_it_did_not_declare()
    {
        Exception? undeclared = null;
        Exception? dependencyOfSibling = null;
        var a = new Pipeline("A") { Process = [Add("a")] };
        var b = new Pipeline("B") { DependsOn = ["A"], Process = [Add("b")] };
        var c = new Pipeline("C")
        {
            Process =
            [
                Observe(context =>
                {
                    undeclared = Record.Exception(() => context.OutputsOf("B"));
                    dependencyOfSibling = Record.Exception(() => context.OutputsOf("A"));
                }),
            ],
        };

        new PipelineEngine([a, b, c]).Run(new DiagnosticBag());

        var exception = Assert.IsType<InvalidOperationException>(undeclared);
        Assert.Equal("Pipeline 'C' cannot read 'B' in its Process phase: declare it in DependsOn.", exception.Message);
        Assert.IsType<InvalidOperationException>(dependencyOfSibling);
    }

    [Fact]
    public void PostProcess_sees_every_pipelines_Process_outputs_in_pipeline_order()
    {
        for (var run = 0; run < 5; run++)
        {
            string[]? all = null;
            string[]? earlyInOutput = null;
            string[]? late = null;
            var engine = new PipelineEngine(
            [
                new Pipeline("Late") { DependsOn = ["Early"], Process = [RandomSleep(), Add("late")], PostProcess = [Add("late-post")] },
                new Pipeline("First")
                {
                    Process = [RandomSleep(), Add("first")],
                    PostProcess =
                    [
                        Observe(context =>
                        {
                            all = Names(context.AllOutputs);
                            late = Names(context.OutputsOf("Late"));
                        }),
                        Add("first-post"),
                    ],
                    Output = [Observe(context => earlyInOutput = Names(context.OutputsOf("Early")))],
                },
                new Pipeline("Early") { Process = [RandomSleep(), Add("early-1"), Add("early-2")], PostProcess = [Add("early-post")] },
            ]);

            engine.Run(new DiagnosticBag());

            Assert.Equal(["Early", "Late", "First"], engine.Pipelines.Select(p => p.Name));
            Assert.NotNull(all);
            Assert.NotNull(late);
            Assert.NotNull(earlyInOutput);
            Assert.Equal(["early-1", "early-2", "late", "first"], all);
            Assert.Equal(["late"], late);
            Assert.Equal(["early-1", "early-2"], earlyInOutput);
        }
    }

    [Theory]
    [InlineData(Phase.Input)]
    [InlineData(Phase.Process)]
    [InlineData(Phase.PostProcess)]
    public void Output_does_not_run_when_an_error_was_reported(Phase failing)
    {
        var outputRan = false;
        var fail = Observe(context => context.Diagnostics.Error(DiagnosticCodes.InvalidDate, "bad date", "a.md", 3, 7));
        var pipeline = new Pipeline("A")
        {
            Input = failing == Phase.Input ? [Add("in"), fail] : [Add("in")],
            Process = failing == Phase.Process ? [fail] : [],
            PostProcess = failing == Phase.PostProcess ? [Add("post"), fail] : [Add("post")],
            Output = [Observe(_ => outputRan = true), Add("out")],
        };
        var diagnostics = new DiagnosticBag();

        var result = new PipelineEngine([pipeline]).Run(diagnostics);

        Assert.False(outputRan);
        Assert.False(result.Completed);
        Assert.Equal(["in", "post"], Names(result.Outputs["A"]));
        Assert.Equal(1, diagnostics.ErrorCount);
    }

    [Fact]
    public void Output_does_not_run_when_the_bag_already_holds_an_error()
    {
        var outputRan = false;
        var diagnostics = new DiagnosticBag();
        diagnostics.Error(DiagnosticCodes.SiteConfigMissing, "site.yml is missing", "input/site.yml");

        var result = new PipelineEngine([new Pipeline("A") { Output = [Observe(_ => outputRan = true)] }]).Run(diagnostics);

        Assert.False(outputRan);
        Assert.False(result.Completed);
    }

    [Fact]
    public void Output_runs_when_only_warnings_were_reported()
    {
        var outputRan = false;
        var pipeline = new Pipeline("A")
        {
            Process = [Observe(context => context.Diagnostics.Warning(DiagnosticCodes.UnknownKey, "unknown key", "a.md", 2, 1))],
            Output = [Observe(_ => outputRan = true), Add("out")],
        };

        var result = new PipelineEngine([pipeline]).Run(new DiagnosticBag());

        Assert.True(outputRan);
        Assert.True(result.Completed);
        Assert.Equal(["out"], Names(result.Outputs["A"]));
    }

    [Fact]
    public void An_unknown_dependency_is_refused_by_name()
    {
        var exception = Assert.Throws<PipelineGraphException>(
            () => new PipelineEngine([new Pipeline("A"), new Pipeline("B") { DependsOn = ["A", "Missing"] }]));

        Assert.Equal("Pipeline 'B' depends on 'Missing', which does not exist.", exception.Message);
    }

    [Fact]
    public void A_duplicate_name_is_refused_by_name()
    {
        var exception = Assert.Throws<PipelineGraphException>(
            () => new PipelineEngine([new Pipeline("A"), new Pipeline("B"), new Pipeline("A")]));

        Assert.Equal("Two pipelines are named 'A'.", exception.Message);
    }

    [Theory]
    [InlineData("A:B; B:A", "A -> B -> A")]
    [InlineData("B:A; A:B", "B -> A -> B")]
    [InlineData("A:A", "A -> A")]
    [InlineData("X; A:B; B:C; C:A", "A -> B -> C -> A")]
    [InlineData("Start:A; A:B; B:A", "A -> B -> A")]
    [InlineData("Ok; Site:Articles; Articles:Tags; Tags:Site", "Site -> Articles -> Tags -> Site")]
    public void A_cycle_is_reported_with_the_pipelines_in_it(string graph, string cycle)
    {
        var exception = Assert.Throws<PipelineGraphException>(() => new PipelineEngine(Graph(graph)));

        Assert.Equal($"Pipelines depend on each other in a cycle: {cycle}.", exception.Message);
    }

    [Theory]
    [InlineData("C; A; B", "C A B")]
    [InlineData("A; B:D; C; D", "A D B C")]
    [InlineData("A:B; B:C; C", "C B A")]
    [InlineData("Z:Y; X; Y", "Y Z X")]
    [InlineData("Site:Articles,Pages; Pages; Articles", "Articles Pages Site")]
    [InlineData("D:B,C; B:A; C:A; A", "A B C D")]
    public void Orders_pipelines_after_their_dependencies_and_otherwise_as_declared(string graph, string expected)
    {
        var engine = new PipelineEngine(Graph(graph));

        Assert.Equal(expected, string.Join(' ', engine.Pipelines.Select(p => p.Name)));
    }

    [Fact]
    public void A_parallel_module_keeps_the_input_order_whatever_the_timing()
    {
        ImmutableArray<Document> inputs =
        [
            .. Enumerable.Range(0, 40).Select(i => i % 10 == 3 ? (Document)new Other($"o{i:00}") : new Item($"i{i:00}")),
        ];
        var expected = inputs
            .Select(d => d switch
            {
                Item item when item.Name.EndsWith('7') => null,
                Item item => "I" + item.Name[1..],
                Other other => "other:" + other.Name,
                _ => throw new InvalidOperationException(),
            })
            .OfType<string>()
            .ToArray();
        var pipeline = new Pipeline("A") { Input = [new Step((_, _) => inputs)], Process = [new SleepThenUpper()] };

        for (var run = 0; run < 3; run++)
        {
            var result = new PipelineEngine([pipeline]).Run(new DiagnosticBag());

            Assert.Equal(expected, Names(result.ProcessOutputs["A"]));
        }
    }

    [Fact]
    public void A_module_that_throws_is_reported_as_BS0099_and_the_other_pipelines_go_on()
    {
        var outputRan = false;
        var neverRan = false;
        var a = new Pipeline("A")
        {
            Process = [Add("a"), new Explode(), Observe(_ => neverRan = true)],
            Output = [Observe(_ => outputRan = true)],
        };
        var b = new Pipeline("B") { Process = [Add("b")] };
        var diagnostics = new DiagnosticBag();

        var result = new PipelineEngine([a, b]).Run(diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.InternalError, diagnostic.Code);
        Assert.True(diagnostic.IsError);
        Assert.Equal("Explode failed in the Process phase of pipeline 'A': the theme is missing", diagnostic.Message);
        Assert.False(neverRan);
        Assert.False(outputRan);
        Assert.False(result.Completed);
        Assert.Empty(result.ProcessOutputs["A"]);
        Assert.Equal(["b"], Names(result.ProcessOutputs["B"]));
    }

    [Fact]
    public void A_parallel_module_that_throws_on_a_document_reports_it_and_keeps_the_others()
    {
        var pipeline = new Pipeline("A") { Input = [Add("x"), new ExplodeInParallel()] };
        var diagnostics = new DiagnosticBag();

        new PipelineEngine([pipeline]).Run(diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCodes.InternalError, diagnostic.Code);
        Assert.Equal("ExplodeInParallel failed on this file: bad item x", diagnostic.Message);
    }

    [Fact]
    public void Timings_are_listed_by_phase_then_pipeline_order()
    {
        var engine = new PipelineEngine(
        [
            new Pipeline("B") { DependsOn = ["A"], Input = [Add("b1", "b2")], Process = [Add("b3")] },
            new Pipeline("A") { Input = [Add("a1")], PostProcess = [Add("a2")] },
        ]);

        var result = engine.Run(new DiagnosticBag());

        Assert.Equal(
            ["A Input 1", "B Input 2", "B Process 3", "A PostProcess 2"],
            result.Timings.Select(t => $"{t.Pipeline} {t.Phase} {t.Documents}"));
    }

    private static Step Add(params string[] names) =>
        new((documents, _) => documents.AddRange(names.Select(n => (Document)new Item(n))));

    private static Step Observe(Action<PipelineContext> action) =>
        new((documents, context) =>
        {
            action(context);
            return documents;
        });

    private static Step Sleep(int milliseconds) => Observe(_ => Thread.Sleep(milliseconds));

    private static Step RandomSleep() => Observe(_ => Thread.Sleep(Random.Shared.Next(0, 25)));

    private static string[] Names(IEnumerable<Document> documents) =>
    [
        .. documents.Select(d => d switch
        {
            Item item => item.Name,
            Other other => "other:" + other.Name,
            _ => d.GetType().Name,
        }),
    ];

    /// <summary>Pipelines from "A:B,C; B; C": each name with the names it depends on.</summary>
    private static Pipeline[] Graph(string spec) =>
    [
        .. spec.Split(';', StringSplitOptions.TrimEntries).Select(part =>
        {
            var pieces = part.Split(':');
            return new Pipeline(pieces[0])
            {
                DependsOn = pieces.Length > 1 ? [.. pieces[1].Split(',', StringSplitOptions.TrimEntries)] : [],
            };
        }),
    ];

    private sealed record Item(string Name) : Document;

    private sealed record Other(string Name) : Document;

    private sealed class Step(Func<ImmutableArray<Document>, PipelineContext, ImmutableArray<Document>> run) : IModule
    {
        public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) => run(inputs, context);
    }

    /// <summary>Upper-cases items after a random pause, dropping those whose name ends in 7.</summary>
    private sealed class SleepThenUpper : ParallelModule<Item>
    {
        protected override Document? Transform(Item input, PipelineContext context)
        {
            Thread.Sleep(Random.Shared.Next(0, 15));
            return input.Name.EndsWith('7') ? null : input with { Name = input.Name.ToUpperInvariant() };
        }
    }

    private sealed class Explode : IModule
    {
        public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
            throw new InvalidOperationException("the theme is missing");
    }

    private sealed class ExplodeInParallel : ParallelModule<Item>
    {
        protected override Document? Transform(Item input, PipelineContext context) =>
            throw new FormatException("bad item " + input.Name);
    }
}
