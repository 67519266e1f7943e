using RelayActors.Runtime.Scheduling;

namespace RelayActors.Runtime.Kernel;

/// <summary>
/// Request/response from outside the actor world (hosts and tests only; workers never Ask each other).
/// A temporary ref receives the first reply; <see cref="StatusFailure"/> fails the task; no reply within the
/// timeout (on the system's clock) fails it with <see cref="AskTimeoutException"/>.
/// </summary>
public static class AskExtensions
{
    /// <summary>Sends <paramref name="message"/> with a temporary sender and returns its reply as <typeparamref name="TResponse"/>.</summary>
    public static async Task<TResponse> Ask<TResponse>(this IActorRef target, object message, TimeSpan timeout)
    {
        var reply = await AskCore(target, _ => message, timeout).ConfigureAwait(false);
        return reply is TResponse typed
            ? typed
            : throw new InvalidCastException($"Ask to {target.Path} expected a {typeof(TResponse).Name} reply to {message.GetType().Name} but got {reply.GetType().Name}");
    }

    /// <summary>Typed ask: <paramref name="createRequest"/> receives the reply-to ref, so the request carries it (Akka.Typed style).</summary>
    public static async Task<TResponse> Ask<TRequest, TResponse>(this IActorRef<TRequest> target, Func<IActorRef<TResponse>, TRequest> createRequest, TimeSpan timeout)
        where TRequest : notnull
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(createRequest);
        var reply = await AskCore(target.Untyped, replyTo => createRequest(replyTo.As<TResponse>()), timeout).ConfigureAwait(false);
        return reply is TResponse typed
            ? typed
            : throw new InvalidCastException($"Ask to {target.Path} expected a {typeof(TResponse).Name} reply but got {reply.GetType().Name}");
    }

    private static Task<object> AskCore(IActorRef target, Func<PromiseActorRef, object> createRequest, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Ask timeout must be positive");
        if (target is not IInternalActorRef internalTarget)
            throw new ArgumentException($"{target.Path} is not a ref of this runtime", nameof(target));
        var system = internalTarget.System;
        if (system.IsTerminated)
            throw new ActorSystemTerminatedException($"Cannot ask {target.Path}: actor system '{system.Name}' has terminated");
        var promise = new PromiseActorRef(system);
        var request = createRequest(promise) ?? throw new ArgumentException("The request must not be null", nameof(createRequest));
        var timer = system.Scheduler.ScheduleOnce(timeout, () => promise.Fail(new AskTimeoutException(
            $"Ask to {target.Path} with {request.GetType().Name} got no reply within {timeout.TotalMilliseconds} ms (at {system.Scheduler.Now})")));
        promise.OnCompleted(timer);
        target.Tell(request, promise);
        // On a virtual clock nothing runs by itself: process what is ready so an immediate reply is already here.
        system.VirtualClock?.RunReady();
        return promise.Task;
    }
}

/// <summary>The temporary ref of one Ask; completes its task with the first message it is told.</summary>
internal sealed class PromiseActorRef(ActorSystem system)
    : MinimalActorRef(ActorPath.Root(system.Address).Child("temp").Child("$" + system.NextUid().ToString(global::System.Globalization.CultureInfo.InvariantCulture)), system)
{
    private readonly TaskCompletionSource<object> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ICancelable? _timer;

    public override bool IsTerminated => _promise.Task.IsCompleted;

    public Task<object> Task => _promise.Task;

    public IActorRef<T> As<T>() => TypedActorRef.Of<T>(this);

    public void OnCompleted(ICancelable timer) => _timer = timer;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var completed = message is StatusFailure failure ? _promise.TrySetException(failure.Cause) : _promise.TrySetResult(message);
        if (completed)
            _timer?.Cancel();
        else
            System.DeadLetterOffice.Publish(new DeadLetter(message, sender, this, "ask already completed"));
    }

    public void Fail(Exception exception) => _promise.TrySetException(exception);
}
