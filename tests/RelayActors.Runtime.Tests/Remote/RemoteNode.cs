using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Remote;
using RelayActors.Runtime.TestKit;
using RelayActors.Runtime.Tests.Support;

namespace RelayActors.Runtime.Tests.Remote;

/// <summary>An actor system with a started transport on 127.0.0.1, a probe and a log capture; dispose to stop both.</summary>
internal sealed class RemoteNode : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private RemoteNode(ActorSystem system, RemoteTransport transport, CapturingLoggerProvider logs)
    {
        System = system;
        Transport = transport;
        Logs = logs;
        Probe = new TestProbe(system, "probe");
        Events = new TestProbe(system, "events");
        system.EventStream.Subscribe(Events.Ref.Untyped, typeof(IAssociationEvent));
    }

    public ActorSystem System { get; }

    public RemoteTransport Transport { get; }

    public CapturingLoggerProvider Logs { get; }

    public TestProbe Probe { get; }

    /// <summary>Receives every <see cref="IAssociationEvent"/> of this node.</summary>
    public TestProbe Events { get; }

    public static SerializerRegistry DefaultSerializers() =>
        new SerializerRegistry().AddJson("test.ping", RemoteTestJsonContext.Default.Ping).Add(new VectorSerializer());

    public static async Task<RemoteNode> StartAsync(string name, RemoteSettings? settings = null, SerializerRegistry? serializers = null)
    {
        var logs = new CapturingLoggerProvider();
        var system = ActorSystem.Create(name, loggerFactory: logs);
        var transport = await RemoteTransport.StartAsync(system, settings ?? RemoteSettings.Default, serializers ?? DefaultSerializers());
        return new RemoteNode(system, transport, logs);
    }

    /// <summary>The ref <paramref name="from"/> uses to reach this node's probe.</summary>
    public IActorRef ProbeSeenFrom(RemoteNode from) => from.Transport.Resolve(Probe.Ref.Path.WithAddress(Transport.Address));

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync();
        await System.DisposeAsync();
    }
}
