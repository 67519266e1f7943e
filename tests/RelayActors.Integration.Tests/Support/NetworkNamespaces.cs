using System.Diagnostics;
using System.Globalization;

namespace RelayActors.Integration.Tests.Support;

/// <summary>
/// Network namespaces on one bridge, each with its own address (10.77.0.k), so nodes talk over a real network stack
/// that a test can cut (<see cref="Isolate"/>). Needs root and <c>ip netns</c>; <see cref="Unavailable"/> says why not.
/// Names carry the process id, so parallel runs do not collide; disposing deletes everything.
/// </summary>
internal sealed class NetworkNamespaces : IDisposable
{
    private readonly string _bridge;
    private readonly List<string> _namespaces = [];

    public NetworkNamespaces(int count)
    {
        var id = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        _bridge = $"rbr{id}";
        try
        {
            Ip($"link add {_bridge} type bridge");
            Ip($"link set {_bridge} up");
            for (var k = 1; k <= count; k++)
            {
                var ns = $"relay{id}n{k}";
                Ip($"netns add {ns}");
                _namespaces.Add(ns);
                Ip($"link add {Veth(k)} type veth peer name eth0 netns {ns}");
                Ip($"link set {Veth(k)} master {_bridge} up");
                Ip($"-n {ns} addr add {AddressOf(k)}/24 dev eth0");
                Ip($"-n {ns} link set eth0 up");
                Ip($"-n {ns} link set lo up");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Why namespaces cannot be made here (not root, no iproute2, no permission), or null when they can.</summary>
    public static string? Unavailable { get; } = Probe();

    /// <summary>The name of namespace <paramref name="k"/> (1-based).</summary>
    public string Namespace(int k) => _namespaces[k - 1];

    /// <summary>The address of namespace <paramref name="k"/>.</summary>
    public static string AddressOf(int k) => $"10.77.0.{k}";

    /// <summary>Cuts namespace <paramref name="k"/> off the bridge (a partition: its packets go nowhere).</summary>
    public void Isolate(int k) => Ip($"link set {Veth(k)} down");

    public void Dispose()
    {
        foreach (var ns in _namespaces)
            TryIp($"netns del {ns}");
        TryIp($"link del {_bridge}");
    }

    private string Veth(int k) => $"{_bridge}v{k}";

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
            return "network namespaces need Linux";
        var name = $"relayprobe{Environment.ProcessId}";
        var (code, error) = Run($"netns add {name}");
        if (code != 0)
            return $"`ip netns add` failed ({error.Trim()}): needs root and iproute2";
        Run($"netns del {name}");
        return null;
    }

    private static void Ip(string arguments)
    {
        var (code, error) = Run(arguments);
        if (code != 0)
            throw new InvalidOperationException($"ip {arguments} failed with {code}: {error}");
    }

    private static void TryIp(string arguments) => Run(arguments);

    private static (int Code, string Error) Run(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("ip", arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

/// <summary>A fact that runs only where network namespaces can be made; elsewhere it is skipped with the reason.</summary>
internal sealed class NetnsFactAttribute : FactAttribute
{
    public NetnsFactAttribute()
    {
        if (NetworkNamespaces.Unavailable is { } reason)
            Skip = reason;
    }
}
