using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Tests.Kernel;

/// <summary>Typed refs reject wrong messages at compile time; checked by compiling snippets with Roslyn.</summary>
public sealed class TypedRefTests
{
    private const string Protocol = """
        using RelayActors.Runtime.Kernel;
        public interface IWorkerMessage { }
        public sealed record Step(int N) : IWorkerMessage;
        public sealed record Other(int N);
        public static class Snippet
        {
            public static void Send(IActorRef<IWorkerMessage> worker, IActorRef<object> any)
            {
                BODY
            }
        }
        """;

    private static IReadOnlyList<Diagnostic> Compile(string body)
    {
        var source = Protocol.Replace("BODY", body, StringComparison.Ordinal);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(IActorRef).Assembly.Location));
        var compilation = CSharpCompilation.Create("snippet", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    [Fact]
    public void Tell_MessageOfProtocol_Compiles() =>
        Assert.Empty(Compile("worker.Tell(new Step(1));"));

    [Fact]
    public void Tell_MessageOutsideProtocol_DoesNotCompile()
    {
        var errors = Compile("worker.Tell(new Other(1));");

        Assert.Contains(errors, e => e.Id == "CS1503");
    }

    [Fact]
    public void ObjectRef_StandsInForAnyProtocol_ByContravariance() =>
        Assert.Empty(Compile("IActorRef<IWorkerMessage> w = any; w.Tell(new Step(2));"));

    [Fact]
    public void ScheduleTellOnce_Typed_RejectsMessageOutsideProtocol()
    {
        var ok = Compile("RelayActors.Runtime.Scheduling.SchedulerExtensions.ScheduleTellOnce(null!, System.TimeSpan.Zero, worker, new Step(1));");
        var wrong = Compile("RelayActors.Runtime.Scheduling.SchedulerExtensions.ScheduleTellOnce(null!, System.TimeSpan.Zero, worker, new Other(1));");

        Assert.Empty(ok);
        Assert.NotEmpty(wrong);
    }
}
