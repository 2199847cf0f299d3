using BkTui.Core.Chips;

namespace BkTui.Simulator;

/// <summary>
/// NOR flash: erase sets bytes to FF, program can only clear bits (new = old AND data), addresses
/// wrap at the chip size (the SPI part ignores the high address bits — the "mirror" the bootloaders'
/// protected window is read through). With a backing file every change is written back sector by
/// sector (whole aligned 4 KiB writes, fsync) so a killed simulator leaves a consistent image.
/// </summary>
public sealed class FlashMemory : IDisposable
{
    public const int SectorSize = 0x1000;
    private readonly byte[] _data;
    private readonly FileStream? _backing;
    private readonly object _gate = new();

    public FlashMemory(byte[] image, string? persistPath = null)
    {
        if (!IsValidSize(image.Length))
            throw new ArgumentException($"A flash image must be a power of two between 256 KiB and 16 MiB; this one is {image.Length} bytes.");
        _data = image;
        if (persistPath is not null)
        {
            _backing = new FileStream(persistPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
            if (_backing.Length != image.Length)
            {
                _backing.Dispose();
                throw new ArgumentException($"{persistPath} is {new FileInfo(persistPath).Length} bytes but the image is {image.Length}: cannot persist into it.");
            }
        }
    }

    public static bool IsValidSize(long n) => n >= 0x40000 && n <= 0x1000000 && (n & (n - 1)) == 0;

    public int Size => _data.Length;

    /// <summary>Counts of flash operations actually performed (protected or refused ones are not counted).</summary>
    public int Erases { get; private set; }
    public int Programs { get; private set; }

    private int Wrap(long address) => (int)(address & (_data.Length - 1));

    public void Read(uint address, Span<byte> into)
    {
        lock (_gate)
            for (int i = 0; i < into.Length; i++) into[i] = _data[Wrap(address + (uint)i)];
    }

    public byte[] Read(uint address, int length)
    {
        var b = new byte[length];
        Read(address, b);
        return b;
    }

    /// <summary>A copy of the whole array.</summary>
    public byte[] Snapshot() { lock (_gate) return (byte[])_data.Clone(); }

    /// <summary>Chip-style CRC (register without final inversion) of <paramref name="length"/> bytes from <paramref name="address"/>.</summary>
    public uint Crc(uint address, long length)
    {
        lock (_gate)
        {
            uint reg = 0xFFFFFFFF;
            int start = Wrap(address);
            while (length > 0)
            {
                int run = (int)Math.Min(length, _data.Length - start);
                reg = BekenCrc32.Update(reg, _data.AsSpan(start, run));
                length -= run;
                start = 0;
            }
            return reg;
        }
    }

    /// <summary>Erases the aligned block of <paramref name="blockSize"/> bytes that contains <paramref name="address"/>.</summary>
    public void Erase(uint address, int blockSize)
    {
        lock (_gate)
        {
            int start = Wrap(address) & ~(blockSize - 1);
            _data.AsSpan(start, blockSize).Fill(0xFF);
            Erases++;
            Persist(start, blockSize);
        }
    }

    /// <summary>Programs bytes: each stored bit can only go from 1 to 0.</summary>
    public void Program(uint address, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            int first = Wrap(address);
            for (int i = 0; i < data.Length; i++) _data[Wrap(address + (uint)i)] &= data[i];
            Programs++;
            if (first + data.Length <= _data.Length) Persist(first, data.Length);
            else { Persist(first, _data.Length - first); Persist(0, first + data.Length - _data.Length); }
        }
    }

    private void Persist(int start, int length)
    {
        if (_backing is null || length <= 0) return;
        int s = start & ~(SectorSize - 1);
        int e = (start + length + SectorSize - 1) & ~(SectorSize - 1);
        RandomAccess.Write(_backing.SafeFileHandle, _data.AsSpan(s, e - s), s);
        _backing.Flush(flushToDisk: true);
    }

    public void Dispose() => _backing?.Dispose();
}
