using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Pandapon.Client
{
    /// <summary>
    /// A response body read into an array rented from <see cref="ArrayPool{T}.Shared"/>, returned on Dispose. A page of
    /// 100 orders is some 300 KB, above the 85,000 bytes from which .NET puts a new array on the large object heap,
    /// which only a full collection frees: a fresh array per page let a long listing's working set grow.
    /// </summary>
    internal sealed class PooledBody : IDisposable
    {
        private const int FirstRead = 16 * 1024;

        // A Content-Length is the server's word: above this the buffer grows as bytes arrive, not all at once.
        private const int LargestFirstRental = 4 * 1024 * 1024;
        private byte[]? _buffer;

        private PooledBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            Length = length;
        }

        public int Length { get; }

        /// <summary>The body's bytes; valid until Dispose.</summary>
        public ArraySegment<byte> Bytes => new ArraySegment<byte>(_buffer ?? throw new ObjectDisposedException(nameof(PooledBody)), 0, Length);

        /// <summary>Reads <paramref name="stream"/> to its end; <paramref name="lengthHint"/> (Content-Length, if known) sizes the first rental.</summary>
        public static async Task<PooledBody> ReadAsync(Stream stream, long? lengthHint, CancellationToken cancellationToken)
        {
            // One byte more than the hint, so the read that finds the end does not grow the buffer.
            int size = lengthHint is long hint && hint > 0 ? (int)Math.Min(hint, LargestFirstRental - 1) + 1 : FirstRead;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
            int length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(FirstRead, checked(buffer.Length * 2)));
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                    if (read == 0) return new PooledBody(buffer, length);
                    length += read;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        public void Dispose()
        {
            byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer != null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
