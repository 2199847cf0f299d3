using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BkTui.Core.Formats.Obk;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.TuyaKv;

namespace BkTui.Core.Formats.Analysis;

/// <summary>The plain-sector regions found by content: RF calibration, OpenBeken config, Tuya KV.</summary>
internal sealed record DataFacts(
    IReadOnlyList<(long Offset, RfCalibration Rf)> RfSectors,
    IReadOnlyList<(long Offset, ObkConfig Config)> ObkConfigs,
    TuyaKvStore? Tuya);

internal static class DataRegions
{
    private const int Sector = 4096;

    /// <summary>Scans every 4 KiB sector once for the RF and OBK magics; decodes the Tuya storage. Bounded to 16 hits each.</summary>
    public static DataFacts Read(byte[] d)
    {
        var rf = new List<(long, RfCalibration)>();
        var obk = new List<(long, ObkConfig)>();
        for (var s = 0; s + Sector <= d.Length; s += Sector)
        {
            var sector = d.AsSpan(s, Sector);
            if (rf.Count < 16 && RfCalibration.HasMagic(sector) && RfCalibration.TryParse(sector) is { } cal) rf.Add((s, cal));
            if (obk.Count < 16 && ObkConfig.HasMagic(sector) && ObkConfig.TryParse(sector) is { } cfg) obk.Add((s, cfg));
        }
        return new DataFacts(rf, obk, TuyaKvReader.TryRead(d));
    }

    /// <summary>Turns the decoded storage into the report's Tuya section (values as JSON; masking happens at serialisation).</summary>
    public static TuyaInfo Describe(TuyaKvStore store)
    {
        var values = new JsonObject();
        JsonObject? userConfig = null;
        foreach (var e in store.Entries)
        {
            var text = Encoding.Latin1.GetString(e.Value);
            var node = LooksLikeText(e.Value) ? TuyaLooseJson.TryParse(text) : null;
            if (node is not null) values[e.Name] = node;
            else if (LooksLikeText(e.Value)) values[e.Name] = text.TrimEnd('\0', ' ');
            if (e.Name == "user_param_key" && node is JsonObject o) userConfig = o.DeepClone().AsObject();
        }
        string? Str(string key, string field) =>
            values[key] is JsonObject o && o[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var module = userConfig?["module"] is JsonValue mv && mv.TryGetValue<string>(out var m) ? m : null;
        return new TuyaInfo
        {
            Offset = store.KeyBlockOffset,
            End = store.End,
            DeviceKey = Convert.ToHexString(store.DeviceKey).ToLowerInvariant(),
            Keys = store.Entries.Select(e => new TuyaKeyInfo(e.Name, e.Value.Length, e.ChecksumOk)).ToList(),
            Module = module,
            Platform = values["em_sys_env"] is JsonValue pv && pv.TryGetValue<string>(out var p) ? p.Trim() : null,
            FirmwareVersion = Str("gw_di", "swv"),
            Pins = TuyaPinRoles.Extract(userConfig).Select(x => new TuyaPinInfo(x.Key, x.Pin, x.Role)).ToList(),
            UserConfig = userConfig,
            Values = values,
        };
    }

    public static ObkInfo Describe(long offset, ObkConfig c) => new()
    {
        Offset = offset,
        Version = c.Version,
        CrcOk = c.CrcOk,
        WifiSsid = c.WifiSsid,
        WifiPassword = c.WifiPassword,
        MqttHost = c.MqttHost,
        MqttPort = c.MqttPort,
        MqttUser = c.MqttUser,
        MqttPassword = c.MqttPassword,
        ShortName = c.ShortName,
        LongName = c.LongName,
        Pins = c.Pins.Select(p => new ObkPinInfo(p.Gpio, p.Role, p.Channel)).ToList(),
    };

    private static bool LooksLikeText(byte[] v)
    {
        if (v.Length == 0) return false;
        var printable = 0;
        foreach (var b in v) if (b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0) printable++;
        return printable >= v.Length * 0.95;
    }
}
