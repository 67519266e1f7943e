using System.Globalization;
using System.Runtime;
using RelayActors.Benchmarks;

var options = BenchOptions.Parse(args);
var output = Console.Out;
output.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"# RelayActors benchmarks: {options.Scenario}{(options.Quick ? " --quick" : "")}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, GC server={GCSettings.IsServerGC}, N={options.Messages:N0}, {options.Repetitions} repetitions per row"));

var clock = System.Diagnostics.Stopwatch.StartNew();
var needsBaseline = options.Runs("tell") || options.Runs("ring") || options.Runs("variants");
Summary? baseline = null;
if (needsBaseline)
{
    baseline = ChannelBaseline.Run(options);
    ChannelBaseline.Report(baseline, end: null, output);
}

if (options.Runs("tell"))
    TellBenchmark.Run(options, baseline!, output);
if (options.Runs("ring"))
    RingBenchmark.Run(options, baseline!, output);
if (options.Runs("alloc"))
    AllocationBenchmark.Run(options, output);
if (options.Runs("virtual"))
    VirtualSchedulerBenchmark.Run(options, output);
if (options.Runs("realtime"))
    RealTimeSchedulerBenchmark.Run(options, output);
if (options.Runs("variants"))
{
    MailboxVariantBenchmark.Run(options, output);
    VirtualVariantBenchmark.Run(options, output);
}

if (options.Runs("quadratics"))
    QuadraticsBenchmark.Run(options, output);
if (options.Runs("relay"))
    RelayArithmeticBenchmark.Run(options, output);
if (options.Runs("matmul"))
    MatmulBenchmark.Run(options, output);
if (options.Runs("training"))
    TrainingBenchmark.Run(options, output);
if (options.Runs("remote"))
    RemoteBenchmark.Run(options, output);
if (options.Runs("cluster"))
    ClusterBenchmark.Run(options, output);

if (options.Runs("race"))
    RingStress.Run(options, output);

if (baseline is not null)
{
    // Measured again at the end: if the two disagree widely the machine was busy and the ratios are suspect.
    var end = ChannelBaseline.Run(options, warmups: 0);
    ChannelBaseline.Report(baseline, end, output);
}
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nTotal wall time: {clock.Elapsed.TotalSeconds:F0} s"));
