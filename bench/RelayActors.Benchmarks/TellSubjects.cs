using System.Diagnostics;
using System.Threading.Channels;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Benchmarks;

/// <summary>The rows of the Tell investigation: the raw channel, the runtime as it is, and the mailbox copies.</summary>
internal static class TellSubjects
{
    private const int Throughput = 100;

    public static IReadOnlyList<TellSubject> All()
    {
        var pings = Ping.Pool();
        var envelopes = pings.Select(p => new Envelope(p, null)).ToArray();
        var subjects = new List<TellSubject>
        {
            new("raw channel (the baseline itself)", (n, _) => ChannelEndToEnd(pings, n), (n, log) => ChannelSplit(pings, n, log)),
            new("raw channel of Envelope (16-byte struct, as in Mailbox)", (n, _) => ChannelEndToEnd(envelopes, n), (n, log) => ChannelSplit(envelopes, n, log)),
            new("runtime Tell (real Mailbox)",
                (n, _) => WithSink((sink, counter, _) => Drive(new RefTeller(sink), counter, n)),
                (n, log) => WithSink((sink, counter, gate) => DriveSplit(new RefTeller(sink), counter, gate, n, log))),
            new("runtime Tell through untyped IActorRef (no variant dispatch)",
                (n, _) => WithSink((sink, counter, _) => Drive(new UntypedTeller(sink.Untyped), counter, n)),
                (n, log) => WithSink((sink, counter, gate) => DriveSplit(new UntypedTeller(sink.Untyped), counter, gate, n, log))),
            new("runtime Tell, throughput 1000",
                (n, _) => WithSink((sink, counter, _) => Drive(new RefTeller(sink), counter, n), throughput: 1000),
                (n, log) => WithSink((sink, counter, gate) => DriveSplit(new RefTeller(sink), counter, gate, n, log), throughput: 1000)),
        };
        foreach (var variant in MailboxVariant.All)
            subjects.Add(Variant(variant.Name, variant, direct: false));
        subjects.Add(Variant("copy as is, Post called directly (no IActorRef<Ping> dispatch)", MailboxVariant.AsRuntime, direct: true));
        return subjects;
    }

    private static TellSubject Variant(string name, MailboxVariant variant, bool direct) => new(name,
        (n, log) => WithVariant(variant, (mailbox, counter, _) =>
        {
            var rate = direct ? Drive(new DirectTeller(mailbox), counter, n) : Drive(new RefTeller(mailbox.Ref), counter, n);
            log.MessagesPerTurn.Add((double)n / mailbox.Turns);
            log.ProducerSchedulesPerThousand.Add(1000.0 * mailbox.ProducerSchedules / n);
            return rate;
        }),
        (n, log) => WithVariant(variant, (mailbox, counter, gate) =>
            direct ? DriveSplit(new DirectTeller(mailbox), counter, gate, n, log) : DriveSplit(new RefTeller(mailbox.Ref), counter, gate, n, log)));

    private static double ChannelEndToEnd<T>(T[] pool, int count)
    {
        var channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
        var mask = pool.Length - 1;
        var watch = Stopwatch.StartNew();
        var consumer = Task.Run(() => Drain(channel.Reader));
        for (var i = 0; i < count; i++)
            channel.Writer.TryWrite(pool[i & mask]);
        channel.Writer.Complete();
        consumer.GetAwaiter().GetResult();
        return Measure.Rate(count, watch.Elapsed);
    }

    private static double ChannelSplit<T>(T[] pool, int count, TellRunLog log)
    {
        var channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
        var mask = pool.Length - 1;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            channel.Writer.TryWrite(pool[i & mask]);
        log.ProducerAloneNs.Add(TellRunLog.NsPerMessage(watch.Elapsed, count));
        channel.Writer.Complete();
        watch.Restart();
        var drained = Task.Run(() => Drain(channel.Reader)).GetAwaiter().GetResult();
        log.ConsumerAloneNs.Add(TellRunLog.NsPerMessage(watch.Elapsed, count));
        return drained;
    }

    private static async Task<long> Drain<T>(ChannelReader<T> reader)
    {
        long n = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
            while (reader.TryRead(out _))
                n++;
        return n;
    }

    private static double WithSink(Func<IActorRef<Ping>, ArrivalCounter, ConsumerGate, double> body, int throughput = Throughput)
    {
        using var system = ActorSystem.Create("variant-bench", ActorSystemSettings.Default with { Throughput = throughput });
        using var counter = new ArrivalCounter();
        using var gate = new ConsumerGate();
        var sink = system.ActorOf(Props.Create(() => new CountingActor(counter, gate)), "sink");
        TellBenchmark.Prime(sink, counter);
        return body(sink, counter, gate);
    }

    private static double WithVariant(MailboxVariant variant, Func<VariantMailbox, ArrivalCounter, ConsumerGate, double> body) =>
        WithSink((sink, counter, gate) =>
        {
            var mailbox = new VariantMailbox(variant, sink.Untyped, m =>
            {
                if (ConsumerGate.IsGate(m))
                    gate.Hold();
                else
                    counter.Arrive();
            }, Throughput);
            try
            {
                return body(mailbox, counter, gate);
            }
            finally
            {
                mailbox.Close();
            }
        });

    private static double Drive<T>(T teller, ArrivalCounter counter, int count)
        where T : struct, ITeller
    {
        var pool = Ping.Pool();
        var mask = pool.Length - 1;
        counter.Reset(count);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            teller.Tell(pool[i & mask]);
        Measure.AwaitDone(counter.Done, "Tell variant", () => $"{counter.Count} of {count} counted");
        return Measure.Rate(count, watch.Elapsed);
    }

    private static double DriveSplit<T>(T teller, ArrivalCounter counter, ConsumerGate gate, int count, TellRunLog log)
        where T : struct, ITeller
    {
        var pool = Ping.Pool();
        var mask = pool.Length - 1;
        teller.Tell(ConsumerGate.Message);
        gate.AwaitHeld();
        counter.Reset(count);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            teller.Tell(pool[i & mask]);
        log.ProducerAloneNs.Add(TellRunLog.NsPerMessage(watch.Elapsed, count));
        watch.Restart();
        gate.Open();
        Measure.AwaitDone(counter.Done, "Tell variant drain", () => $"{counter.Count} of {count} counted");
        log.ConsumerAloneNs.Add(TellRunLog.NsPerMessage(watch.Elapsed, count));
        return count;
    }

    /// <summary>How the producer loop reaches the mailbox; a struct so the generic loop is specialised, not a delegate call.</summary>
    private interface ITeller
    {
        void Tell(Ping message);
    }

    private readonly struct RefTeller(IActorRef<Ping> target) : ITeller
    {
        public void Tell(Ping message) => target.Tell(message);
    }

    private readonly struct UntypedTeller(IActorRef target) : ITeller
    {
        public void Tell(Ping message) => target.Tell(message);
    }

    private readonly struct DirectTeller(VariantMailbox mailbox) : ITeller
    {
        public void Tell(Ping message) => mailbox.Post(message, null);
    }
}
