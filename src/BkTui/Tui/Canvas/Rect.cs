namespace BkTui.Tui.Canvas;

/// <summary>A rectangle of cells; <see cref="Right"/> and <see cref="Bottom"/> are exclusive.</summary>
public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public bool Contains(int x, int y) => x >= X && x < Right && y >= Y && y < Bottom;

    /// <summary>The part of this rectangle inside <paramref name="other"/> (empty when they do not meet).</summary>
    public Rect Intersect(Rect other)
    {
        int x = Math.Max(X, other.X), y = Math.Max(Y, other.Y);
        int r = Math.Min(Right, other.Right), b = Math.Min(Bottom, other.Bottom);
        return r <= x || b <= y ? new Rect(x, y, 0, 0) : new Rect(x, y, r - x, b - y);
    }

    /// <summary>Shrinks by <paramref name="n"/> cells on every side.</summary>
    public Rect Inset(int n) => new(X + n, Y + n, Math.Max(0, Width - 2 * n), Math.Max(0, Height - 2 * n));

    /// <summary>A rectangle of the given size centred in this one.</summary>
    public Rect Centered(int width, int height)
    {
        width = Math.Min(width, Width);
        height = Math.Min(height, Height);
        return new Rect(X + (Width - width) / 2, Y + (Height - height) / 2, width, height);
    }
}
