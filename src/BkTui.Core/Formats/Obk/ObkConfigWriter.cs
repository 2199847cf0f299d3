using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using BkTui.Core.Chips;
using L = BkTui.Core.Formats.Obk.ObkLayout;

namespace BkTui.Core.Formats.Obk;

/// <summary>
/// Builds the 4 KiB OpenBeken config sector that presets Wi-Fi (and optionally MQTT) so a freshly
/// flashed device joins the network without AP mode (flash-formats.md §8; GFT's defaults).
/// </summary>
public static class ObkConfigWriter
{
    /// <summary>
    /// Version-4 config (3584 bytes, FF-padded to 4096) with the Beken CRC-8 variant.
    /// <paramref name="deviceName"/> defaults to "obk" + 6 random hex digits (GFT).
    /// </summary>
    public static byte[] Build(ChipFamily family, string ssid, string password, string? mqttHost = null, string? deviceName = null)
    {
        ArgumentNullException.ThrowIfNull(ssid);
        ArgumentNullException.ThrowIfNull(password);
        Check(ssid, 64, "Wi-Fi SSID");
        Check(password, 64, "Wi-Fi password");
        if (mqttHost is not null) Check(mqttHost, 256, "MQTT host");
        var digits = Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
        var shortName = deviceName ?? "obk" + digits;
        Check(shortName, 32, "device name");
        var chip = family == ChipFamily.Unknown ? "BK7231N" : family.ToString();

        var s = new byte[L.SectorSize];
        s.AsSpan().Fill(0xFF);
        var c = s.AsSpan(0, L.LengthV4);
        c.Clear();
        "CFG"u8.CopyTo(c);
        BinaryPrimitives.WriteInt32LittleEndian(c[L.Version..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(c[L.Flags0..], 1u << 10); // MQTT broadcast self state on connect
        AsciiField.Write(c.Slice(L.WifiSsid, 64), ssid);
        AsciiField.Write(c.Slice(L.WifiPassword, 64), password);
        AsciiField.Write(c.Slice(L.MqttHost, 256), mqttHost ?? "");
        AsciiField.Write(c.Slice(L.MqttClientId, 64), shortName);
        AsciiField.Write(c.Slice(L.MqttUser, 64), "homeassistant");
        BinaryPrimitives.WriteInt32LittleEndian(c[L.MqttPort..], 1883);
        AsciiField.Write(c.Slice(L.WebAppRoot, 64), "https://openbekeniot.github.io/webapp/");
        AsciiField.Write(c.Slice(L.ShortName, 32), shortName);
        AsciiField.Write(c.Slice(L.LongName, 64), deviceName ?? $"Open{chip}_{digits}");
        AsciiField.Write(c.Slice(L.NtpServer, 32), "217.147.223.78");
        c[L.ButtonShort] = 3;
        c[L.ButtonLong] = 10;
        c[L.ButtonRepeat] = 5;
        AsciiField.Write(c.Slice(L.MqttGroup, 64), "bekens");
        c[L.BootOkSeconds] = 5;
        AsciiField.Write(c.Slice(L.PingHost, 64), "192.168.0.1");
        s[3] = ObkCrc8.Compute(c[4..], bekenSigned: true);
        return s;
    }

    private static void Check(string value, int size, string what)
    {
        if (Encoding.ASCII.GetByteCount(value) > size - 1 || value.Any(ch => ch is < ' ' or > '~'))
            throw new ArgumentException($"The {what} must be printable ASCII of at most {size - 1} characters.");
    }
}
