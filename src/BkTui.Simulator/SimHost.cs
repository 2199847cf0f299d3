namespace BkTui.Simulator;

/// <summary>
/// A virtual chip on a real pseudo-terminal: open <see cref="PtyPath"/> (or the <c>--link</c>
/// symlink) like any serial port. Serves on a background thread until disposed.
/// </summary>
public sealed class SimHost : IDisposable
{
    private readonly PtyLine _line;
    private readonly PtyLine? _tx2;
    private readonly FlashMemory _flash;
    private bool _disposed;

    private SimHost(PtyLine line, PtyLine? tx2, FlashMemory flash, VirtualChip chip, string? link)
    {
        _line = line;
        _tx2 = tx2;
        _flash = flash;
        Chip = chip;
        LinkPath = link;
    }

    /// <summary>The pty slave a host opens (e.g. /dev/pts/7).</summary>
    public string PtyPath => _line.SlavePath;

    /// <summary>The pty carrying the chip's TX2 (the boot log) when <see cref="SimOptions.LogOnTx2"/>, else null.</summary>
    public string? Tx2Path => _tx2?.SlavePath;

    /// <summary>The symlink made for <see cref="SimOptions.LinkPath"/>, if any.</summary>
    public string? LinkPath { get; }

    public VirtualChip Chip { get; }

    /// <summary>True once an unplug fault pulled the plug (and the <c>--link</c> symlink is gone, as a by-id link goes with its adapter).</summary>
    public bool Unplugged
    {
        get
        {
            // The line closes a moment before the chip's thread removes the link: wait for that.
            if (_line.IsClosed && !_unplugged) SpinWait.SpinUntil(() => _unplugged, TimeSpan.FromSeconds(1));
            return _unplugged && !_disposed;
        }
    }
    private volatile bool _unplugged;

    public static SimHost Start(SimOptions options)
    {
        var image = options.LoadImage() ?? ImageSynthesizer.Create(options.Family, options.EfuseKey, options.Mac);
        if (options.Persist && options.ImagePath is null)
            throw new ArgumentException("--persist needs --image FILE: there is no file to write back to.");
        var flash = new FlashMemory(image, options.Persist ? options.ImagePath : null);
        PtyLine? line = null, tx2 = null;
        try
        {
            line = new PtyLine();
            tx2 = options.LogOnTx2 ? new PtyLine() : null;
            var chip = new VirtualChip(options, line, flash, tx2);
            string? link = null;
            if (options.LinkPath is not null)
            {
                link = Path.GetFullPath(options.LinkPath);
                var existing = new FileInfo(link);
                if (existing.LinkTarget is not null) existing.Delete();
                else if (existing.Exists) throw new IOException($"{link} exists and is not a symlink; refusing to replace it.");
                File.CreateSymbolicLink(link, line.SlavePath);
            }
            var host = new SimHost(line, tx2, flash, chip, link);
            chip.Unplugged += host.OnUnplugged;
            chip.Start();
            return host;
        }
        catch
        {
            line?.Dispose();
            tx2?.Dispose();
            flash.Dispose();
            throw;
        }
    }

    private void OnUnplugged()
    {
        RemoveLink();
        _unplugged = true;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Chip.Dispose();
        _line.Dispose();
        _tx2?.Dispose();
        _flash.Dispose();
        if (!_unplugged) RemoveLink();
    }

    /// <summary>Removes the symlink if it still points at this chip's pty (another sim may have taken the name since).</summary>
    private void RemoveLink()
    {
        if (LinkPath is null) return;
        try
        {
            var fi = new FileInfo(LinkPath);
            if (fi.LinkTarget == _line.SlavePath) fi.Delete();
        }
        catch (IOException) { }
    }
}
