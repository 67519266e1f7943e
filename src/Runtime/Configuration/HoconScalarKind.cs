namespace RelayActors.Runtime.Configuration;

internal enum HoconScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
