namespace RelayActors.Runtime.Remote;

/// <summary>A connection failed its handshake; the message says why (never containing the secret).</summary>
internal sealed class HandshakeException : Exception
{
    public HandshakeException()
    {
    }

    public HandshakeException(string message)
        : base(message)
    {
    }

    public HandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
