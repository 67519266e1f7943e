namespace RelayActors.Runtime.Remote;

/// <summary>What a frame carries (byte 3 of the fixed header).</summary>
internal enum FrameKind : byte
{
    Message = 1,
    Hello = 2,
    Challenge = 3,
    Response = 4,
    Accepted = 5,
    Rejected = 6,
}
