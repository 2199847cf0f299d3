using System.Globalization;

namespace BkTui.Simulator;

public enum FaultKind { Drop, Flip, Stall, Reset, Unplug, RxDrop, RxFlip, AddrFlip }

/// <summary>The commands an <c>addrflip</c> fault can aim at: erases (0x0F, 0x0B), writes (0x07, 0x06), reads (0x09).</summary>
public enum AddressedCommand { Erase, Write, Read }

/// <summary>
/// One fault, fired when the chip is about to send its byte number <see cref="AtByte"/> (0-based),
/// or for <see cref="FaultKind.RxDrop"/>/<see cref="FaultKind.RxFlip"/> when it receives its byte number AtByte from the host.
/// An <see cref="FaultKind.AddrFlip"/> flips address bit <see cref="Bit"/> of the AtByte-th (1-based)
/// <see cref="Command"/> the chip receives: a host→chip flip aimed at an address byte.
/// </summary>
public sealed record Fault(FaultKind Kind, long AtByte, int StallMs = 0, AddressedCommand Command = AddressedCommand.Erase, int Bit = 0)
{
    public bool HostToChip => Kind is FaultKind.RxDrop or FaultKind.RxFlip or FaultKind.AddrFlip;
    public override string ToString() => Kind switch
    {
        FaultKind.Stall => $"stall@{AtByte}:{StallMs}",
        FaultKind.AddrFlip => $"addrflip@{Command.ToString().ToLowerInvariant()}#{AtByte}:{Bit}",
        _ => $"{Kind.ToString().ToLowerInvariant()}@{AtByte}",
    };
}

/// <summary>
/// Faults (<c>--faults</c>). On the chip→host stream: <c>drop@N</c>, <c>flip@N</c>,
/// <c>stall@N:MS</c>, <c>reset@N</c>, <c>unplug@N</c> — N counts the bytes the chip has sent — and
/// <c>random:RATE:SEED</c>: seeded drops, bit flips and short stalls, RATE per MiB sent on average.
/// On the host→chip stream: <c>rxdrop@N</c>, <c>rxflip@N</c> — N counts the bytes the chip has
/// received (commands and write data alike; a flipped bit there is what the chip acts on) — and
/// <c>addrflip@CMD#K:BIT</c>: address bit BIT (0–31) of the K-th erase, write or read command the
/// chip receives is flipped before it acts (the echo in its reply carries the damaged address).
/// Each fault fires once.
/// </summary>
public sealed class FaultPlan
{
    private readonly SortedDictionary<long, List<Fault>> _fixed = new();
    private readonly SortedDictionary<long, List<Fault>> _incoming = new();
    private readonly Random? _random;
    private readonly double _ratePerByte;
    private long _nextRandom = long.MaxValue;
    private readonly List<Fault> _fired = new();
    private readonly List<Fault> _addressed = new();
    private readonly Dictionary<AddressedCommand, long> _commandsSeen = new();

    public static FaultPlan None => new([], 0, 0);

    private FaultPlan(IEnumerable<Fault> faults, double ratePerMiB, int seed)
    {
        foreach (var f in faults) Plant(f);
        if (ratePerMiB > 0)
        {
            _random = new Random(seed);
            _ratePerByte = ratePerMiB / (1024.0 * 1024.0);
            _nextRandom = NextGap(0);
        }
    }

    /// <summary>
    /// Adds a host→chip fault while the chip runs (a test that counts the bytes after connecting
    /// plants it relative to them). Only while the link is idle: the chip's thread reads the plan.
    /// </summary>
    public void Add(Fault fault)
    {
        if (!fault.HostToChip) throw new ArgumentException("only host→chip faults (rxdrop, rxflip) can be added while running", nameof(fault));
        Plant(fault);
    }

    private void Plant(Fault f)
    {
        if (f.Kind == FaultKind.AddrFlip) { lock (_addressed) _addressed.Add(f); return; }
        var map = f.HostToChip ? _incoming : _fixed;
        if (!map.TryGetValue(f.AtByte, out var list)) map[f.AtByte] = list = [];
        list.Add(f);
    }

    /// <summary>The faults that have fired so far, in order.</summary>
    public IReadOnlyList<Fault> Fired { get { lock (_fired) return _fired.ToList(); } }

    public static FaultPlan Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) return None;
        var faults = new List<Fault>();
        double rate = 0;
        int seed = 0;
        foreach (var raw in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var item = raw.ToLowerInvariant();
            if (item.StartsWith("random:"))
            {
                var p = item.Split(':');
                if (p.Length != 3 || !double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out rate) || rate <= 0
                    || !int.TryParse(p[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
                    throw new FormatException($"'{raw}': expected random:RATE:SEED, e.g. random:2:42 (RATE faults per MiB, SEED an integer).");
                continue;
            }
            if (item.StartsWith("addrflip@"))
            {
                faults.Add(ParseAddrFlip(raw, item["addrflip@".Length..]));
                continue;
            }
            int at = item.IndexOf('@');
            if (at <= 0) throw new FormatException($"'{raw}': expected KIND@N (drop, flip, stall, reset, unplug, rxdrop, rxflip), addrflip@CMD#K:BIT or random:RATE:SEED.");
            var kind = item[..at] switch
            {
                "drop" => FaultKind.Drop, "flip" => FaultKind.Flip, "stall" => FaultKind.Stall,
                "reset" => FaultKind.Reset, "unplug" => FaultKind.Unplug,
                "rxdrop" => FaultKind.RxDrop, "rxflip" => FaultKind.RxFlip,
                _ => throw new FormatException($"'{raw}': unknown fault '{item[..at]}' (drop, flip, stall, reset, unplug, rxdrop, rxflip, random)."),
            };
            var rest = item[(at + 1)..].Split(':');
            if (!long.TryParse(rest[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) || n < 0)
                throw new FormatException($"'{raw}': N must be a byte count ≥ 0.");
            int ms = 0;
            if (kind == FaultKind.Stall)
            {
                if (rest.Length != 2 || !int.TryParse(rest[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out ms) || ms < 0 || ms > 600_000)
                    throw new FormatException($"'{raw}': expected stall@N:MS with MS between 0 and 600000.");
            }
            else if (rest.Length != 1) throw new FormatException($"'{raw}': only stall takes :MS.");
            faults.Add(new Fault(kind, n, ms));
        }
        return new FaultPlan(faults, rate, seed);
    }

    /// <summary><c>erase#1:16</c>: which command (erase, write, read), which one of them (1-based), which address bit.</summary>
    private static Fault ParseAddrFlip(string raw, string spec)
    {
        var hash = spec.IndexOf('#');
        var colon = spec.IndexOf(':');
        AddressedCommand? command = hash < 0 ? null : spec[..hash] switch
        {
            "erase" => AddressedCommand.Erase, "write" => AddressedCommand.Write, "read" => AddressedCommand.Read, _ => null,
        };
        if (command is null || colon < hash
            || !long.TryParse(spec[(hash + 1)..colon], NumberStyles.Integer, CultureInfo.InvariantCulture, out var nth) || nth < 1
            || !int.TryParse(spec[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bit) || bit is < 0 or > 31)
            throw new FormatException($"'{raw}': expected addrflip@CMD#K:BIT, CMD erase, write or read, K ≥ 1 (which one of them), BIT 0–31 (e.g. addrflip@erase#1:16).");
        return new Fault(FaultKind.AddrFlip, nth, Command: command.Value, Bit: bit);
    }

    /// <summary>
    /// Counts an erase, write or read command the chip received (address at <paramref name="addressAt"/>
    /// of <paramref name="payload"/>) and flips the address bit an <c>addrflip</c> fault aims at it, in place.
    /// </summary>
    internal void DamageAddress(AddressedCommand command, byte[] payload, int addressAt)
    {
        lock (_addressed)
        {
            var nth = _commandsSeen[command] = _commandsSeen.GetValueOrDefault(command) + 1;
            foreach (var f in _addressed.Where(f => f.Command == command && f.AtByte == nth).ToList())
            {
                payload[addressAt + f.Bit / 8] ^= (byte)(1 << (f.Bit % 8));
                _addressed.Remove(f);
                lock (_fired) _fired.Add(f);
            }
        }
    }

    /// <summary>Faults due for byte number <paramref name="index"/> (removed once returned).</summary>
    internal List<Fault>? Take(long index)
    {
        List<Fault>? due = null;
        // Everything at or before this byte fires now (a position can only be skipped, never revisited).
        while (_fixed.Count > 0 && _fixed.Keys.First() <= index)
        {
            var key = _fixed.Keys.First();
            (due ??= []).AddRange(_fixed[key]);
            _fixed.Remove(key);
        }
        if (index >= _nextRandom && _random is not null)
        {
            var kind = _random.Next(3) switch { 0 => FaultKind.Drop, 1 => FaultKind.Flip, _ => FaultKind.Stall };
            (due ??= []).Add(new Fault(kind, index, kind == FaultKind.Stall ? 20 + _random.Next(200) : 0));
            _nextRandom = index + NextGap(index);
        }
        if (due is not null) lock (_fired) _fired.AddRange(due);
        return due;
    }

    /// <summary>
    /// Applies the host→chip faults due in <paramref name="data"/>, whose first byte is received byte
    /// number <paramref name="firstIndex"/>: returns the bytes the chip actually gets (the same span when none is due).
    /// </summary>
    internal ReadOnlySpan<byte> ApplyIncoming(ReadOnlySpan<byte> data, long firstIndex)
    {
        if (_incoming.Count == 0 || _incoming.Keys.First() >= firstIndex + data.Length) return data;
        var result = new List<byte>(data.Length);
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            var drop = false;
            while (_incoming.Count > 0 && _incoming.Keys.First() <= firstIndex + i)
            {
                var key = _incoming.Keys.First();
                foreach (var f in _incoming[key])
                {
                    if (f.Kind == FaultKind.RxDrop) drop = true;
                    else b ^= (byte)(1 << (int)((firstIndex + i) % 8));
                    lock (_fired) _fired.Add(f);
                }
                _incoming.Remove(key);
            }
            if (!drop) result.Add(b);
        }
        return result.ToArray();
    }

    /// <summary>The next byte index worth checking (so the sender can skip ahead in bulk).</summary>
    internal long NextDue => Math.Min(_fixed.Count > 0 ? _fixed.Keys.First() : long.MaxValue, _nextRandom);

    private long NextGap(long _)
    {
        // Geometric gap between independent per-byte events of probability p.
        double u = 1 - _random!.NextDouble();
        double gap = Math.Ceiling(Math.Log(u) / Math.Log(1 - _ratePerByte));
        return (long)Math.Clamp(gap, 1, 1L << 40);
    }
}
