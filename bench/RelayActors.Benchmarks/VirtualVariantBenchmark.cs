using System.Diagnostics;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Benchmarks;

/// <summary>
/// Investigation of the virtual-time delivery rate: the same M seeded items taken apart into the priority queue
/// alone, delivery alone (Tell + a deterministic-dispatcher turn per message), and copies of
/// <c>VirtualTimeScheduler.TryFireNext</c> with one change each. Every row reports items per second of the
/// delivery phase (everything after scheduling), like scenario 5.
/// </summary>
internal static class VirtualVariantBenchmark
{
    private const int Receivers = 4;
    private const int Seed = 20261122;

    public static void Run(BenchOptions options, TextWriter output)
    {
        var items = options.ScheduledItems;
        var delays = new long[items];
        var random = new Random(Seed);
        for (var i = 0; i < items; i++)
            delays[i] = TimeSpan.FromMicroseconds(random.Next(0, 10_001)).Ticks;

        var table = new MarkdownTable($"8. Virtual-time delivery taken apart ({items:N0} items, same delays as scenario 5; M items/s of the delivery phase, median (min–max))",
            "What runs per item", "Rate", "ns per item");
        void Row(string name, Func<VirtualRig, double> once)
        {
            var summary = Measure.Repeat(1, options.Repetitions, () =>
            {
                using var rig = new VirtualRig(Receivers);
                return once(rig);
            });
            table.Add(name, MarkdownTable.Millions(summary), MarkdownTable.Number(1e9 / summary.Median, "F0"));
        }

        Row("runtime: RunUntilIdle (as scenario 5)", rig => rig.RuntimeScheduler(delays));
        Row("PriorityQueue<item, (due, seq)> dequeue only", rig => PriorityQueueOnly(rig, delays));
        Row("Tell + RunReady per message (no scheduler)", rig => rig.Deliver(items, turnEvery: 1));
        Row("Tell, RunReady every 100 messages (no scheduler)", rig => rig.Deliver(items, turnEvery: 100));
        Row("copy of TryFireNext loop as is", rig => rig.FireCopy(delays, batchPerDueTime: false));
        Row("copy, RunReady once per due time (batch)", rig => rig.FireCopy(delays, batchPerDueTime: true));
        Row("buckets: heap of distinct due times + FIFO list per due time", rig => rig.FireBuckets(delays));
        table.Print(output);
    }

    private static double PriorityQueueOnly(VirtualRig rig, long[] delays)
    {
        var queue = new PriorityQueue<ScheduledItem, (long Due, long Seq)>(delays.Length);
        for (var i = 0; i < delays.Length; i++)
            queue.Enqueue(rig.NewItem(i, delays[i]), (delays[i], i));
        var watch = Stopwatch.StartNew();
        long sum = 0;
        while (queue.TryDequeue(out _, out var key))
            sum += key.Due;
        var elapsed = watch.Elapsed;
        GC.KeepAlive(sum);
        return Measure.Rate(delays.Length, elapsed);
    }

    /// <summary>A virtual-time system with counting receivers and access to its deterministic dispatcher.</summary>
    private sealed class VirtualRig : IDisposable
    {
        private readonly ActorSystem _system = ActorSystem.Create("virtual-variant", ActorSystemSettings.VirtualTime);
        private readonly ArrivalCounter _counter = new();
        private readonly IActorRef[] _receivers;
        private readonly Ping[] _messages;
        private readonly DeterministicDispatcher _dispatcher;

        public VirtualRig(int receivers)
        {
            _receivers = new IActorRef[receivers];
            for (var i = 0; i < receivers; i++)
                _receivers[i] = _system.ActorOf(Props.Create(() => new CountingActor(_counter)), $"receiver-{i}").Untyped;
            _messages = Ping.Pool(receivers);
            _dispatcher = (DeterministicDispatcher)_system.Dispatcher;
            _dispatcher.RunReady();
        }

        public ScheduledItem NewItem(int i, long due) =>
            new(_receivers[i % _receivers.Length], _messages[i % _receivers.Length], null, due, 0, null);

        public double RuntimeScheduler(long[] delays)
        {
            var scheduler = (VirtualTimeScheduler)_system.Scheduler;
            _counter.Reset(delays.Length);
            for (var i = 0; i < delays.Length; i++)
                scheduler.ScheduleTellOnce(TimeSpan.FromTicks(delays[i]), _receivers[i % _receivers.Length], _messages[i % _receivers.Length]);
            var watch = Stopwatch.StartNew();
            scheduler.RunUntilIdle();
            return Checked(delays.Length, watch.Elapsed);
        }

        public double Deliver(int count, int turnEvery)
        {
            _counter.Reset(count);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                _receivers[i % _receivers.Length].Tell(_messages[i % _receivers.Length]);
                if ((i + 1) % turnEvery == 0)
                    _dispatcher.RunReady();
            }
            _dispatcher.RunReady();
            return Checked(count, watch.Elapsed);
        }

        /// <summary>The body of VirtualTimeScheduler.TryFireNext / RunUntilIdle, copied; optionally one turn per due time.</summary>
        public double FireCopy(long[] delays, bool batchPerDueTime)
        {
            var queue = new PriorityQueue<ScheduledItem, (long Due, long Seq)>();
            var gate = new Lock();
            long pending = 0, fired = 0, now = 0;
            for (var i = 0; i < delays.Length; i++)
            {
                lock (gate)
                {
                    queue.Enqueue(NewItem(i, delays[i]), (delays[i], i));
                    Interlocked.Increment(ref pending);
                }
            }
            _counter.Reset(delays.Length);
            var watch = Stopwatch.StartNew();
            while (Interlocked.Read(ref pending) > 0)
            {
                ScheduledItem item;
                lock (gate)
                {
                    while (queue.TryPeek(out var head, out _) && !head.IsPending)
                        queue.Dequeue();
                    if (!queue.TryDequeue(out item!, out var key))
                        break;
                    if (key.Due > now)
                        Volatile.Write(ref now, key.Due);
                    if (!item.TryClaim())
                        continue;
                    Interlocked.Decrement(ref pending);
                }
                Interlocked.Increment(ref fired);
                item.Run();
                // The change under test: let every item due at this instant enqueue before the actors run.
                if (!batchPerDueTime || !queue.TryPeek(out _, out var next) || next.Due != now)
                    _dispatcher.RunReady();
            }
            _dispatcher.RunReady();
            return Checked(delays.Length, watch.Elapsed);
        }

        /// <summary>
        /// Same order as (due, seq) — FIFO within a due time — but the heap holds only distinct due times (10,001
        /// here instead of M), so an item costs a dictionary append and a sequential list read. Keeps the copy's
        /// lock and counters per item, so only the data structure differs.
        /// </summary>
        public double FireBuckets(long[] delays)
        {
            var times = new PriorityQueue<long, long>();
            var buckets = new Dictionary<long, List<ScheduledItem>>();
            var gate = new Lock();
            long pending = 0, fired = 0, now = 0;
            for (var i = 0; i < delays.Length; i++)
            {
                lock (gate)
                {
                    if (!buckets.TryGetValue(delays[i], out var bucket))
                    {
                        bucket = [];
                        buckets.Add(delays[i], bucket);
                        times.Enqueue(delays[i], delays[i]);
                    }
                    bucket.Add(NewItem(i, delays[i]));
                    Interlocked.Increment(ref pending);
                }
            }
            _counter.Reset(delays.Length);
            var watch = Stopwatch.StartNew();
            while (times.TryDequeue(out var due, out _))
            {
                var bucket = buckets[due];
                Volatile.Write(ref now, due);
                for (var k = 0; k < bucket.Count; k++) // Count re-read: an item may schedule more at this instant
                {
                    ScheduledItem item;
                    lock (gate)
                    {
                        item = bucket[k];
                        if (!item.TryClaim())
                            continue;
                        Interlocked.Decrement(ref pending);
                    }
                    Interlocked.Increment(ref fired);
                    item.Run();
                    _dispatcher.RunReady();
                }
                buckets.Remove(due);
            }
            return Checked(delays.Length, watch.Elapsed);
        }

        private double Checked(int expected, TimeSpan elapsed)
        {
            if (_counter.Count != expected)
                throw new InvalidOperationException($"Virtual variant delivered {_counter.Count} of {expected} messages");
            return Measure.Rate(expected, elapsed);
        }

        public void Dispose()
        {
            _system.Dispose();
            _counter.Dispose();
        }
    }
}
