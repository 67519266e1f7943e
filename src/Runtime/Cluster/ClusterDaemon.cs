using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;
using static RelayActors.Runtime.Cluster.ClusterCommands;

namespace RelayActors.Runtime.Cluster;

/// <summary>
/// The actor at <c>/system/cluster</c> that wires the pure parts together: it joins through the seed nodes, gossips
/// the membership state (<see cref="Gossip"/>), heartbeats the other members (<see cref="Reachability"/>), runs
/// <see cref="LeaderActions"/> when it is the leader and <see cref="KeepMajority"/> when unreachability is stable,
/// and publishes the changes to subscribers and to the <see cref="Cluster"/> facade.
/// </summary>
internal sealed class ClusterDaemon(ClusterNode node) : Actor<IClusterMessage>
{
    private readonly ClusterSettings _settings = node.Settings;
    private readonly Address _self = node.Self;
    private readonly Reachability _reachability = new(node.Settings);
    private readonly List<IActorRef> _subscribers = [];
    private readonly HashSet<Address> _nacks = [];
    private readonly List<ICancelable> _timers = [];
    private readonly List<ICancelable> _joinTimers = [];
    private Gossip _gossip = Gossip.Empty;
    private Address? _leader;
    private long _heartbeatSequence;
    private int _gossipCursor;
    private bool _downed;

    private TimeSpan Now => Context.Scheduler.Now;

    private Member? SelfMember => _gossip.Get(_self, node.Incarnation);

    private bool IsMember => SelfMember is { IsLive: true };

    private IEnumerable<Address> OtherSeeds => node.Seeds.Where(s => s != _self);

    private bool IsFirstSeed => node.Seeds.Count > 0 && node.Seeds[0] == _self;

    protected override void PreStart()
    {
        var scheduler = Context.Scheduler;
        var self = Context.SelfRef;
        _timers.Add(scheduler.ScheduleTellRepeatedly(_settings.GossipInterval, _settings.GossipInterval, self, GossipTick, self));
        _timers.Add(scheduler.ScheduleTellRepeatedly(_settings.HeartbeatInterval, _settings.HeartbeatInterval, self, HeartbeatTick, self));
        _timers.Add(scheduler.ScheduleTellRepeatedly(_settings.LeaderActionsInterval, _settings.LeaderActionsInterval, self, LeaderActionsTick, self));
        if (!OtherSeeds.Any())
        {
            // No one else to ask: a lone seed (or a node without seeds) forms its own cluster at once.
            Form();
            return;
        }
        _joinTimers.Add(scheduler.ScheduleTellRepeatedly(_settings.RetryJoinInterval, _settings.RetryJoinInterval, self, RetryJoin, self));
        if (IsFirstSeed)
            _joinTimers.Add(scheduler.ScheduleTellOnce(_settings.SeedNodeTimeout, self, SeedNodeTimeout, self));
        SendJoin();
    }

    protected override void PostStop()
    {
        foreach (var timer in _timers.Concat(_joinTimers))
            timer.Cancel();
    }

    protected override void Receive(IClusterMessage message)
    {
        switch (message)
        {
            case Join j: OnJoin(j); break;
            case Welcome w: OnWelcome(w); break;
            case JoinNack n: OnJoinNack(n); break;
            case GossipEnvelope g: OnGossip(g); break;
            case Heartbeat h: OnHeartbeat(h); break;
            case HeartbeatResponse r: _reachability.Heartbeat(r.From, Now); break;
            case Leave l: MoveTo(l.Address, MemberStatus.Leaving); break;
            case Down d: MoveTo(d.Address, MemberStatus.Down); break;
            case Subscribe s: OnSubscribe(s.Subscriber); break;
            case Unsubscribe u: _subscribers.Remove(u.Subscriber); break;
            case Tick t: OnTick(t.Kind); break;
            default: Unhandled(message); break;
        }
    }

    private void OnTick(TickKind kind)
    {
        switch (kind)
        {
            case TickKind.RetryJoin when !IsMember && !_downed: SendJoin(); break;
            case TickKind.SeedNodeTimeout when !IsMember && !_downed: Form(); break;
            case TickKind.Gossip when IsMember && !_downed: GossipToNextPeer(); break;
            case TickKind.Heartbeat when IsMember && !_downed: HeartbeatAndReap(); break;
            case TickKind.LeaderActions when IsMember && !_downed: DowningAndLeaderActions(); break;
            case TickKind.Shutdown: ShutDown(); break;
        }
    }

    private void SendJoin()
    {
        var join = new Join(_self, node.Incarnation, node.Attributes);
        foreach (var seed in OtherSeeds)
            node.DaemonAt(seed).Tell(join, Context.SelfRef);
    }

    private void Form()
    {
        if (IsMember)
            return;
        Update(_gossip.Put(new Member(_self, MemberStatus.Joining, 0, node.Attributes) { Incarnation = node.Incarnation }));
    }

    private void OnJoinNack(JoinNack nack)
    {
        // The first seed may form as soon as every other seed has said it is not in a cluster: waiting the whole
        // seed-node-timeout is only needed when some seed is silent (it may be a member that cannot answer yet).
        if (IsMember || _downed || !IsFirstSeed)
            return;
        _nacks.Add(nack.From);
        if (OtherSeeds.All(_nacks.Contains))
            Form();
    }

    private void OnJoin(Join join)
    {
        var joiner = node.DaemonAt(join.From);
        if (!IsMember || _downed)
        {
            joiner.Tell(new JoinNack(_self), Context.SelfRef);
            return;
        }
        var existing = _gossip.Get(join.From, join.Incarnation);
        if (existing is { IsLive: false })
            return;
        var next = _gossip;
        if (existing is null)
        {
            // A restarted node at a known address: its previous incarnation is dead, down it so the leader removes it.
            if (next.LiveAt(join.From) is { } previous)
                next = next.WithStatus(previous, MemberStatus.Down);
            next = next.Put(new Member(join.From, MemberStatus.Joining, 0, join.Attributes) { Incarnation = join.Incarnation });
        }
        Update(next);
        joiner.Tell(new Welcome(_self, [.. _gossip.Members]), Context.SelfRef);
    }

    private void OnWelcome(Welcome welcome)
    {
        if (_downed)
            return;
        Update(_gossip.Merge(Gossip.From(welcome.Members)));
    }

    private void OnGossip(GossipEnvelope envelope)
    {
        var incoming = Gossip.From(envelope.Members);
        // Only gossip from a known member (or gossip that already names this node) is merged: keeps separate clusters apart.
        var known = _gossip.Members.Any(m => m.Address == envelope.From) || incoming.Get(_self, node.Incarnation) is not null;
        if (!known)
            return;
        var merged = _gossip.Merge(incoming);
        if (!merged.SameAs(incoming))
            node.DaemonAt(envelope.From).Tell(new GossipEnvelope(_self, [.. merged.Members]), Context.SelfRef);
        if (!merged.SameAs(_gossip))
            Update(merged);
    }

    private void OnHeartbeat(Heartbeat heartbeat)
    {
        if (!_downed)
            node.DaemonAt(heartbeat.From).Tell(new HeartbeatResponse(_self, heartbeat.Sequence), Context.SelfRef);
    }

    private void OnSubscribe(IActorRef subscriber)
    {
        if (!_subscribers.Contains(subscriber))
            _subscribers.Add(subscriber);
        subscriber.Tell(new CurrentClusterState(node.Shared.State), Context.SelfRef);
    }

    private void MoveTo(Address address, MemberStatus status)
    {
        if (!IsMember || _gossip.LiveAt(address) is not { } member)
            return;
        if (status == MemberStatus.Leaving && member.Status is not (MemberStatus.Joining or MemberStatus.Up))
            return;
        Update(_gossip.WithStatus(member, status));
    }

    private void GossipToNextPeer()
    {
        var peers = _gossip.Live.Where(m => m.Address != _self).Select(m => m.Address).Distinct().ToList();
        if (peers.Count == 0)
            return;
        var peer = peers[_gossipCursor++ % peers.Count];
        node.DaemonAt(peer).Tell(new GossipEnvelope(_self, [.. _gossip.Members]), Context.SelfRef);
    }

    private void HeartbeatAndReap()
    {
        foreach (var address in _reachability.Monitored)
            node.DaemonAt(address).Tell(new Heartbeat(_self, ++_heartbeatSequence), Context.SelfRef);
        var (newly, recovered) = _reachability.Reap(Now);
        foreach (var address in newly)
            if (_gossip.LiveAt(address) is { } m)
                Publish(new UnreachableMember(m));
        foreach (var address in recovered)
            if (_gossip.LiveAt(address) is { } m)
                Publish(new ReachableMember(m));
        if (newly.Count > 0 || recovered.Count > 0)
            RefreshViews();
    }

    private void DowningAndLeaderActions()
    {
        var unreachable = _reachability.Unreachable;
        var live = _gossip.Live.ToList();
        if (_settings.Downing == DowningStrategy.KeepMajority && Now - _reachability.StableSince >= _settings.StableAfter)
        {
            switch (KeepMajority.Decide(live, unreachable))
            {
                case DowningDecision.DownUnreachable:
                    Update(live.Where(m => unreachable.Contains(m.Address)).Aggregate(_gossip, (g, m) => g.WithStatus(m, MemberStatus.Down)));
                    break;
                case DowningDecision.DownSelf:
                    Update(_gossip.WithStatus(SelfMember!, MemberStatus.Down));
                    return;
            }
        }
        if (_leader != _self)
            return;
        var (next, removed) = LeaderActions.Run(_gossip, _reachability.Unreachable, _settings.MinNrOfMembers);
        Update(next);
        // A removed member is no longer a gossip target: tell it once, so a leaving node learns it may stop.
        foreach (var m in removed.Where(m => m.Address != _self))
            node.DaemonAt(m.Address).Tell(new GossipEnvelope(_self, [.. _gossip.Members]), Context.SelfRef);
    }

    private void Update(Gossip next)
    {
        var before = _gossip;
        _gossip = next;
        foreach (var e in MembershipChanges.Diff(before, next))
            Publish(e);
        SyncMonitoring();
        RefreshViews();
        CheckSelf();
    }

    private void SyncMonitoring()
    {
        var watched = _gossip.Live.Where(m => m.Address != _self).ToList();
        foreach (var m in watched)
            _reachability.Monitor(m.Address, m.Incarnation, Now);
        foreach (var address in _reachability.Monitored.Where(a => watched.TrueForAll(m => m.Address != a)).ToList())
            _reachability.Unmonitor(address, Now);
    }

    private void RefreshViews()
    {
        var leader = IsMember ? _gossip.Leader(_reachability.Unreachable) : null;
        if (leader != _leader)
        {
            _leader = leader;
            Publish(new LeaderChanged(leader));
        }
        var members = _gossip.Visible.ToList();
        var unreachable = members.Select(m => m.Address).Where(_reachability.Unreachable.Contains).ToHashSet();
        node.Shared.State = new ClusterState(members, unreachable, leader);
    }

    private void CheckSelf()
    {
        if (SelfMember is not { } me)
            return;
        if (_joinTimers.Count > 0)
        {
            foreach (var timer in _joinTimers)
                timer.Cancel();
            _joinTimers.Clear();
        }
        if (me.Status == MemberStatus.Up)
            node.Shared.Up.TrySetResult();
        if (!me.IsLive && !_downed)
        {
            // Removed, or downed (by the resolver on either side, or by hand): stop heartbeating, joining and
            // leading; keep answering gossip for a moment so that reachable peers learn it, then finish.
            _downed = true;
            if (me.Status == MemberStatus.Removed)
                ShutDown();
            else
                _timers.Add(Context.Scheduler.ScheduleTellOnce(_settings.ShutdownAfterDown, Context.SelfRef, Shutdown, Context.SelfRef));
        }
    }

    private void ShutDown()
    {
        if (SelfMember is { Status: not MemberStatus.Removed } me)
            Publish(new MemberRemoved(me with { Status = MemberStatus.Removed }, me.Status));
        node.Shared.Removed.TrySetResult();
        Context.Stop(Context.SelfRef);
    }

    private void Publish(IMemberEvent e)
    {
        foreach (var subscriber in _subscribers)
            subscriber.Tell(e, Context.SelfRef);
    }
}
