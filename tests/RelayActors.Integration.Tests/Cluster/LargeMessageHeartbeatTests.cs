using System.Collections.Concurrent;
using System.Diagnostics;
using RelayActors.Actors.Workers;
using RelayActors.Host.Commands;
using RelayActors.Runtime.Cluster;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;

namespace RelayActors.Integration.Tests.Cluster;

/// <summary>
/// Three cluster members in this process over real loopback TCP with the default failure detector (1 s heartbeats,
/// threshold 8, 3 s acceptable pause). While one streams 40 MiB parameter vectors to another as fast as the data lane
/// takes them, the heartbeats on the control lane must keep every member reachable: Akka's complaint that big
/// messages starve heartbeats into false partitions must not apply.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class LargeMessageHeartbeatTests
{
    private static readonly TimeSpan Streaming = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task DataLaneSaturatedWithFortyMebibyteVectors_NoMemberBecomesUnreachable()
    {
        var members = new List<(ActorSystem System, RemoteTransport Transport, RelayActors.Runtime.Cluster.Cluster Cluster)>();
        var events = new ConcurrentQueue<IMemberEvent>();
        try
        {
            string? seed = null;
            for (var k = 0; k < 3; k++)
            {
                // Seeds are host:port only: every member uses the same system name, as the relay processes do.
                var system = ActorSystem.Create(ClusterMember.SystemName);
                var transport = await RemoteTransport.StartAsync(system, RemoteSettings.Default, ClusterMember.Serializers());
                seed ??= $"127.0.0.1:{transport.Address.Port}";
                var cluster = RelayActors.Runtime.Cluster.Cluster.Start(system, transport, ClusterSettings.Default with { SeedNodes = [seed] }, new Dictionary<string, string>());
                var recorder = system.ActorOf(Props.Create(() => new EventRecorder(events)), "events");
                cluster.Subscribe(recorder.Untyped);
                members.Add((system, transport, cluster));
            }
            foreach (var member in members)
                await member.Cluster.WhenUp.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(members.TrueForAll(m => m.Cluster.State.Members.Count == 3));

            var received = new StrongBox<long>();
            var sink = members[1].System.ActorOf(Props.Create(() => new Sink(received)), "sink");
            var target = members[0].Transport.Resolve(sink.Path.WithAddress(members[1].Transport.Address));
            var payload = new float[10 * 1024 * 1024];
            payload.AsSpan().Fill(0.5f);
            var sent = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < Streaming)
            {
                // Tell blocks while the lane's send buffer is full: the loop runs at the data lane's pace.
                target.Tell(new PeerMessage<float>(0, sent, 0, 0, 1, payload));
                sent++;
            }

            var unreachable = events.OfType<UnreachableMember>().ToList();
            Assert.True(unreachable.Count == 0, $"false unreachability while streaming {sent} × 40 MiB: {string.Join(", ", unreachable.Select(u => u.Member.Address))}");
            Assert.True(members.TrueForAll(m => m.Cluster.State.Unreachable.Count == 0 && m.Cluster.State.Members.Count == 3));
            Assert.True(sent >= 20, $"only {sent} vectors of 40 MiB left in {Streaming.TotalSeconds} s; the data lane was not saturated");
            var deadline = Stopwatch.StartNew();
            while (Interlocked.Read(ref received.Value) < sent - 16 && deadline.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(50);
            Assert.True(Interlocked.Read(ref received.Value) >= sent - 16, $"{received.Value} of {sent} vectors arrived");
        }
        finally
        {
            foreach (var member in members)
            {
                await member.Transport.DisposeAsync();
                await member.System.DisposeAsync();
            }
        }
    }

    private sealed class StrongBox<T>
        where T : struct
    {
        public T Value;
    }

    private sealed class Sink(StrongBox<long> received) : Actor<object>
    {
        protected override void Receive(object message)
        {
            if (message is PeerMessage<float>)
                Interlocked.Increment(ref received.Value);
        }
    }

    private sealed class EventRecorder(ConcurrentQueue<IMemberEvent> events) : Actor<IMemberEvent>
    {
        protected override void Receive(IMemberEvent message) => events.Enqueue(message);
    }
}
