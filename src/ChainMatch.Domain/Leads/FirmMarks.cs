using System.Collections.Concurrent;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// Per-firm marks for one request (already in the region, taken into the pool, known to be local or not, plants in the
/// segment outside the region), kept between requests and reset by moving a stamp instead of clearing: sets of a
/// million firms cost nothing per gap.
/// </summary>
internal sealed class FirmMarks
{
    readonly int[] _pool;
    readonly int[] _local;
    readonly int[] _elsewhereStamp;
    /// <summary>Plants elsewhere times two, plus one when any records a capacity; current when its stamp is.</summary>
    readonly int[] _elsewhere;
    int _stamp;

    FirmMarks(int firms)
    {
        _pool = new int[firms];
        _local = new int[firms];
        _elsewhereStamp = new int[firms];
        _elsewhere = new int[firms];
    }

    /// <summary>Starts a request: every mark of the previous one is forgotten.</summary>
    void Begin()
    {
        if (_stamp >= int.MaxValue - 4)
        {
            Array.Clear(_pool);
            Array.Clear(_local);
            Array.Clear(_elsewhereStamp);
            _stamp = 0;
        }
        _stamp += 2;
    }

    public bool IsHere(int firm) => _pool[firm] == _stamp;
    public void MarkHere(int firm) => _pool[firm] = _stamp;

    /// <summary>Takes the firm into the pool; false when it is there already or already in the region.</summary>
    public bool TakeIntoPool(int firm)
    {
        if (_pool[firm] >= _stamp) return false;
        _pool[firm] = _stamp + 1;
        return true;
    }

    public bool Known(int firm, out bool local)
    {
        local = _local[firm] == _stamp + 1;
        return _local[firm] >= _stamp;
    }

    public bool Remember(int firm, bool local)
    {
        _local[firm] = local ? _stamp + 1 : _stamp;
        return local;
    }

    /// <summary>Counts one more of the firm's plants in the gap's segment outside the region.</summary>
    public void AddElsewhere(int firm, bool capacity)
    {
        ref var stamp = ref _elsewhereStamp[firm];
        ref var count = ref _elsewhere[firm];
        if (stamp != _stamp) (stamp, count) = (_stamp, 0);
        count = (count + 2) | (capacity ? 1 : 0);
    }

    /// <summary>The firm's plants in the gap's segment outside the region, and whether any records a capacity.</summary>
    public (int Plants, bool Capacity) Elsewhere(int firm) =>
        _elsewhereStamp[firm] == _stamp ? (_elsewhere[firm] >> 1, (_elsewhere[firm] & 1) != 0) : (0, false);

    /// <summary>Marks sized for one graph, reused by the requests on it one at a time each.</summary>
    public sealed class Pool(int firms)
    {
        readonly ConcurrentBag<FirmMarks> _free = [];

        public FirmMarks Rent()
        {
            var marks = _free.TryTake(out var m) ? m : new FirmMarks(firms);
            marks.Begin();
            return marks;
        }

        public void Return(FirmMarks marks) => _free.Add(marks);
    }
}
