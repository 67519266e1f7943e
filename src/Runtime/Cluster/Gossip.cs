using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// The membership state that nodes gossip: one entry per (address, incarnation), removed ones kept as tombstones so
/// that old gossip cannot resurrect them. Merging keeps, per entry, the most advanced status (see
/// <see cref="MemberStatusOrder"/>), so the state is a join semilattice: merges commute, are idempotent, and all
/// nodes that have exchanged gossip agree, whatever the order of concurrent joins and leader actions. Immutable.
/// </summary>
internal sealed class Gossip
{
    private readonly Member[] _members;

    private Gossip(Member[] sortedMembers) => _members = sortedMembers;

    public static Gossip Empty { get; } = new([]);

    /// <summary>Every entry, tombstones included, ordered by address then incarnation.</summary>
    public IReadOnlyList<Member> Members => _members;

    /// <summary>Members that are neither downed nor removed.</summary>
    public IEnumerable<Member> Live => _members.Where(m => m.IsLive);

    /// <summary>Every entry but the tombstones (what users see).</summary>
    public IEnumerable<Member> Visible => _members.Where(m => m.Status != MemberStatus.Removed);

    public static Gossip From(IEnumerable<Member> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members.Aggregate(Empty, (g, m) => g.Put(m));
    }

    /// <summary>The entry of this incarnation, or null.</summary>
    public Member? Get(Address address, long incarnation) =>
        Array.Find(_members, m => m.Address == address && m.Incarnation == incarnation);

    /// <summary>The live entry at <paramref name="address"/> (at most one: a newer incarnation downs the older).</summary>
    public Member? LiveAt(Address address) => Array.Find(_members, m => m.IsLive && m.Address == address);

    /// <summary>Adds <paramref name="member"/>, or merges it into the existing entry of its incarnation.</summary>
    public Gossip Put(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var index = Array.FindIndex(_members, m => m.Address == member.Address && m.Incarnation == member.Incarnation);
        if (index >= 0)
        {
            var winner = MoreAdvanced(_members[index], member);
            if (ReferenceEquals(winner, _members[index]))
                return this;
            var copy = (Member[])_members.Clone();
            copy[index] = winner;
            return new Gossip(copy);
        }
        var list = new List<Member>(_members) { member };
        list.Sort(CompareEntries);
        return new Gossip([.. list]);
    }

    /// <summary>Sets the status of an existing entry (only forward: a less advanced status is ignored).</summary>
    public Gossip WithStatus(Member member, MemberStatus status, int? upNumber = null) =>
        Put(member with { Status = status, UpNumber = upNumber ?? member.UpNumber });

    /// <summary>The join of both states.</summary>
    public Gossip Merge(Gossip other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = this;
        foreach (var m in other._members)
            result = result.Put(m);
        return result;
    }

    /// <summary>True when both hold the same entries with the same status and up number.</summary>
    public bool SameAs(Gossip other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._members.Length != _members.Length)
            return false;
        for (var i = 0; i < _members.Length; i++)
        {
            var (a, b) = (_members[i], other._members[i]);
            if (a.Address != b.Address || a.Incarnation != b.Incarnation || a.Status != b.Status || a.UpNumber != b.UpNumber)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Lowest address among the reachable Up or Leaving members; when there is none (nobody Up yet, or only Exiting
    /// members left), among the reachable Joining and Exiting ones, so that a cluster still forming gets a leader and a
    /// last leaving member removes itself. Every node computes it alike from the same state and reachability.
    /// </summary>
    public Address? Leader(IReadOnlySet<Address> unreachable)
    {
        ArgumentNullException.ThrowIfNull(unreachable);
        var reachable = _members.Where(m => !unreachable.Contains(m.Address)).ToList();
        var candidates = reachable.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving).ToList();
        if (candidates.Count == 0)
            candidates = reachable.Where(m => m.Status is MemberStatus.Joining or MemberStatus.Exiting).ToList();
        return candidates.Select(m => m.Address).Order(AddressOrder.Instance).FirstOrDefault();
    }

    /// <summary>Every live member is reachable (downed and removed ones do not block the leader).</summary>
    public bool Converged(IReadOnlySet<Address> unreachable) => Live.All(m => !unreachable.Contains(m.Address));

    public override string ToString() => "Gossip[" + string.Join(", ", _members.Select(m => $"{m.Address.Host}:{m.Address.Port}#{m.Incarnation % 1000}={m.Status}")) + "]";

    private static Member MoreAdvanced(Member current, Member incoming)
    {
        var c = MemberStatusOrder.Rank(incoming.Status).CompareTo(MemberStatusOrder.Rank(current.Status));
        // Equal status from two leaders with different up numbers: keep the higher one, so merging stays deterministic.
        return c > 0 || (c == 0 && incoming.UpNumber > current.UpNumber) ? incoming : current;
    }

    private static int CompareEntries(Member a, Member b)
    {
        var c = AddressOrder.Instance.Compare(a.Address, b.Address);
        return c != 0 ? c : a.Incarnation.CompareTo(b.Incarnation);
    }
}
