using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RelayActors.Integration.Tests.Support;

/// <summary>
/// A real <c>relay</c> process (the Host assembly next to the tests) with its output collected line by line, so a
/// test can wait for a line, kill the process or read its exit code. Disposing kills what is still running.
/// </summary>
internal sealed class RelayProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RelayProcess(string name, IEnumerable<string> arguments, string? netns)
    {
        Name = name;
        var relay = Path.Combine(AppContext.BaseDirectory, "relay.dll");
        var start = netns is null ? new ProcessStartInfo("dotnet") : new ProcessStartInfo("ip");
        if (netns is not null)
        {
            foreach (var a in new[] { "netns", "exec", netns, "dotnet" })
                start.ArgumentList.Add(a);
        }
        start.ArgumentList.Add(relay);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("RELAY_CLUSTER_SECRET");
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.Exited += (_, _) => _exited.TrySetResult();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>relay</c> with <paramref name="arguments"/>, inside network namespace <paramref name="netns"/> when given.</summary>
    public static RelayProcess Start(string name, IEnumerable<string> arguments, string? netns = null) => new(name, arguments, netns);

    /// <summary>A TCP port that was free a moment ago on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Everything the process printed so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_lock)
                return string.Join('\n', _lines);
        }
    }

    /// <summary>Waits until a line contains <paramref name="text"/>; false after <paramref name="timeout"/> or when the process exits without it.</summary>
    public bool WaitForLine(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            lock (_lock)
            {
                if (_lines.Exists(l => l.Contains(text, StringComparison.Ordinal)))
                    return true;
            }
            if (_exited.Task.IsCompleted && _process.WaitForExit(100))
            {
                lock (_lock)
                    return _lines.Exists(l => l.Contains(text, StringComparison.Ordinal));
            }
            Thread.Sleep(50);
        }
        return false;
    }

    /// <summary>Waits for the exit; false after <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            return false;
        _process.WaitForExit(); // drains the output readers
        return true;
    }

    /// <summary>Kills the process (SIGKILL: no goodbye to the cluster, like a crashed host).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
    }

    /// <summary>Sends SIGTERM: the node leaves the cluster gracefully.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
    }

    public override string ToString() => $"{Name}:\n{Output}";

    public void Dispose()
    {
        Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
            return;
        lock (_lock)
            _lines.Add(line);
    }
}
