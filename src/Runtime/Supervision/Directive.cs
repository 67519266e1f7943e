namespace RelayActors.Runtime.Supervision;

/// <summary>What a supervisor does with a child that threw.</summary>
public enum Directive
{
    /// <summary>Keep the actor and its state; drop the failing message and go on.</summary>
    Resume,

    /// <summary>Replace the actor instance with a fresh one from its Props (state lost, mailbox kept).</summary>
    Restart,

    /// <summary>Stop the actor (and its children).</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, handing the decision to its own supervisor.</summary>
    Escalate,
}
