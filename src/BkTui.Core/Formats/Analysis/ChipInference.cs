using BkTui.Core.Chips;

namespace BkTui.Core.Formats.Analysis;

/// <summary>
/// Weighs independent observations (bootloader identity, plaintext marker, layout, Tuya module and
/// platform, key) into a chip family, keeping each observation as evidence (flash-formats.md §11).
/// </summary>
internal sealed class ChipInference
{
    private readonly Dictionary<ChipFamily, int> _score = [];
    private readonly List<string> _evidence = [];

    public void Vote(ChipFamily family, int weight, string evidence)
    {
        _score[family] = _score.GetValueOrDefault(family) + weight;
        _evidence.Add(evidence);
    }

    public void Note(string evidence) => _evidence.Add(evidence);

    /// <summary>The best-scoring family; an N-type chip with the all-zero key is a BK7231M (BL2028N).</summary>
    public ChipVerdict Decide(string keyVerdict)
    {
        if (_score.Count == 0) return new ChipVerdict { Family = "unknown", Evidence = _evidence.Count > 0 ? _evidence : ["no identifying structure found"] };
        var best = _score.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
        if (best == ChipFamily.BK7231N && keyVerdict == "zero")
        {
            best = ChipFamily.BK7231M;
            _evidence.Add("all-zero key on an N-type chip: BK7231M / BL2028N");
        }
        return new ChipVerdict { Family = best.ToString(), Evidence = _evidence };
    }

    /// <summary>Family named by a Tuya module (CB… = N, W… = T, T1… = BK7238; TuyaModules rules).</summary>
    public static ChipFamily FromTuyaModule(string module)
    {
        var m = module.Trim().ToUpperInvariant();
        if (m.StartsWith("CB") || m.StartsWith("T34") || m.StartsWith("T2")) return ChipFamily.BK7231N;
        if (m.StartsWith("T1")) return ChipFamily.BK7238;
        if (m.Length >= 3 && m[0] == 'W' && m[2] is not ('R' or 'D')) return ChipFamily.BK7231T;
        return ChipFamily.Unknown;
    }

    /// <summary>Family named by Tuya's em_sys_env platform string.</summary>
    public static ChipFamily FromTuyaPlatform(string platform)
    {
        var p = platform.Trim().ToLowerInvariant();
        if (p.StartsWith("bk7231n") || p == "t2") return ChipFamily.BK7231N;
        if (p.StartsWith("bk7231t") || p.StartsWith("bk7231s")) return ChipFamily.BK7231T;
        if (p.StartsWith("bk7238") || p == "t1") return ChipFamily.BK7238;
        return ChipFamily.Unknown;
    }

    /// <summary>Family named by bootloader version text ("BK7231N_1.0.1", "BK7231S_1.0.5", "BK7231n_1.0.11").</summary>
    public static ChipFamily FromBootText(string text)
    {
        var t = text.ToUpperInvariant();
        if (t.StartsWith("BK7231N")) return ChipFamily.BK7231N;
        if (t.StartsWith("BK7231S") || t.StartsWith("BK7231T")) return ChipFamily.BK7231T;
        if (t.StartsWith("BK7231U")) return ChipFamily.BK7231U;
        if (t.StartsWith("BK7238")) return ChipFamily.BK7238;
        if (t.StartsWith("BK7252")) return ChipFamily.BK7252;
        return ChipFamily.Unknown;
    }
}
