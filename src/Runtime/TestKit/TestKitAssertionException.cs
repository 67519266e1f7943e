namespace RelayActors.Runtime.TestKit;

/// <summary>A failed TestKit expectation; the message names expected and actual messages and the (virtual) time.</summary>
public sealed class TestKitAssertionException(string message) : Exception(message);
