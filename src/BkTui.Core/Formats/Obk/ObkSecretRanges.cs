namespace BkTui.Core.Formats.Obk;

/// <summary>A run of bytes in a dump that holds a secret (a password's characters), by file offset.</summary>
public sealed record SecretRange(long Start, int Length, string What)
{
    public bool Contains(long offset) => offset >= Start && offset < Start + Length;
}

/// <summary>
/// Where the OpenBeken config's secrets sit in a dump: the Wi-Fi passwords (both networks) and the MQTT
/// password of every sector that decodes as a config, each as its non-empty characters only (an empty
/// password is nothing to hide). Viewers of raw bytes (the hex view, <c>bktui hexdump</c>) mask these
/// unless asked to reveal them, as the report masks the same fields (SecretFields).
/// </summary>
public static class ObkSecretRanges
{
    private static readonly (int Offset, int Size, string What)[] Fields =
    [
        (ObkLayout.WifiPassword, 64, "Wi-Fi password"),
        (ObkLayout.WifiPassword2, 64, "second Wi-Fi password"),
        (ObkLayout.MqttPassword, 128, "MQTT password"),
    ];

    /// <summary>The secrets of a whole dump in memory.</summary>
    public static IReadOnlyList<SecretRange> Find(byte[] dump) =>
        Find(dump.LongLength, (offset, buffer) => dump.AsSpan((int)offset, buffer.Length).CopyTo(buffer));

    /// <summary>The secrets of a dump read sector by sector (a mapped file: only sectors with the magic are read whole).</summary>
    public static IReadOnlyList<SecretRange> Find(long length, Action<long, byte[]> read)
    {
        var found = new List<SecretRange>();
        var head = new byte[8];
        var sector = new byte[ObkLayout.SectorSize];
        for (long at = 0; at + ObkLayout.SectorSize <= length; at += ObkLayout.SectorSize)
        {
            read(at, head);
            if (!ObkConfig.HasMagic(head)) continue;
            read(at, sector);
            if (ObkConfig.TryParse(sector) is not { } config) continue;
            int size = config.Version <= 3 ? ObkLayout.LengthV3 : ObkLayout.LengthV4;
            foreach (var (offset, max, what) in Fields)
            {
                if (offset + max > size) continue;
                int n = sector.AsSpan(offset, max).IndexOf((byte)0);
                if (n < 0) n = max;
                if (n > 0) found.Add(new SecretRange(at + offset, n, what));
            }
        }
        return found;
    }
}
