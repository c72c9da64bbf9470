// C# binding of santei (共通算定モジュール) over the C ABI of libsantei (include/santei.h).
//
// Thin and mechanical, like every skin: strings cross as UTF-8 bytes with an explicit length,
// buffers the library returns are copied and released with santei_buffer_free, and a non-OK
// status becomes a SanteiException whose Code is the status name ("SANTEI_PARSE_ERROR", ...).
// No rule of the calculation lives here.

using System;
using System.Collections.Generic;
using System.Runtime.ConstrainedExecution;
using System.Runtime.InteropServices;
using System.Text;

namespace Santei
{
    /// <summary>Mirror of <c>enum SanteiStatus</c> in santei.h; the member names are the error codes.</summary>
    public enum SanteiStatus
    {
        SANTEI_OK = 0,
        /// <summary>A null pointer, invalid UTF-8, or otherwise unusable argument.</summary>
        SANTEI_INVALID_ARGUMENT = 1,
        /// <summary>The request is not JSON or does not match the request schema.</summary>
        SANTEI_PARSE_ERROR = 2,
        /// <summary>The request's values are impossible or contradict each other.</summary>
        SANTEI_INVALID_REQUEST = 3,
        /// <summary>A master file is missing or malformed.</summary>
        SANTEI_MASTER_ERROR = 4,
        /// <summary>The claim cannot be calculated (e.g. no master generation in force on the date).</summary>
        SANTEI_CALC_ERROR = 5,
        /// <summary>A file or folder could not be read.</summary>
        SANTEI_IO_ERROR = 6,
        /// <summary>A bug: the library panicked. The message says where.</summary>
        SANTEI_PANIC = 7,
    }

    /// <summary>A failed santei call. <see cref="Code"/> is the status name, the same on every surface.</summary>
    [Serializable]
    public class SanteiException : Exception
    {
        public SanteiException(SanteiStatus status, string message)
            : base(message)
        {
            Status = status;
            Code = CodeOf(status);
        }

        /// <summary>The native status.</summary>
        public SanteiStatus Status { get; private set; }

        /// <summary>The status name, e.g. "SANTEI_PARSE_ERROR".</summary>
        public string Code { get; private set; }

        internal static string CodeOf(SanteiStatus status)
        {
            return Enum.IsDefined(typeof(SanteiStatus), status)
                ? status.ToString()
                : "SANTEI_UNKNOWN_STATUS_" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public override string ToString()
        {
            return Code + ": " + base.ToString();
        }
    }

    /// <summary>Library-wide facts. Loading this class checks the native ABI version.</summary>
    public static class Library
    {
        /// <summary>The C ABI version this binding is written against (SANTEI_ABI_VERSION).</summary>
        public const uint ExpectedAbiVersion = 1;

        private static readonly uint abiVersion;
        private static readonly string version;

        static Library()
        {
            abiVersion = Native.santei_abi_version();
            if (abiVersion != ExpectedAbiVersion)
            {
                throw new InvalidOperationException(
                    "libsantei has C ABI version " + abiVersion + ", but this binding requires version "
                    + ExpectedAbiVersion + "; use a matching libsantei.so");
            }
            version = Native.ReadCString(Native.santei_version());
        }

        /// <summary>The library version, e.g. "0.1.0" (santei_version()).</summary>
        public static string Version { get { return version; } }

        /// <summary>The C ABI version reported by the loaded library (santei_abi_version()).</summary>
        public static uint AbiVersion { get { return abiVersion; } }

        /// <summary>Runs the static constructor (the ABI check) if it has not run yet.</summary>
        internal static void EnsureLoaded()
        {
        }
    }

    /// <summary>Owns a <c>SanteiEngine*</c>; released with santei_engine_free.</summary>
    internal sealed class EngineHandle : SafeHandle
    {
        private EngineHandle()
            : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        [ReliabilityContract(Consistency.WillNotCorruptState, Cer.Success)]
        protected override bool ReleaseHandle()
        {
            Native.santei_engine_free(handle);
            return true;
        }
    }

    /// <summary>Owns a <c>SanteiMasterFiles*</c>; released with santei_master_files_free.</summary>
    internal sealed class MasterFilesHandle : SafeHandle
    {
        private MasterFilesHandle()
            : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        [ReliabilityContract(Consistency.WillNotCorruptState, Cer.Success)]
        protected override bool ReleaseHandle()
        {
            Native.santei_master_files_free(handle);
            return true;
        }
    }

    /// <summary>
    /// Loaded masters and the calculation. Immutable once built: one engine may serve many threads.
    /// Dispose it to release the native engine (a finalizer does it otherwise).
    /// </summary>
    public sealed class Engine : IDisposable
    {
        private readonly EngineHandle handle;

        static Engine()
        {
            Library.EnsureLoaded();
        }

        private Engine(EngineHandle handle)
        {
            this.handle = handle;
        }

        ~Engine()
        {
            // The SafeHandle is a critical finalizable object: its finalizer runs after ours, so
            // touching it here is safe; Dispose on it is idempotent.
            handle.Dispose();
        }

        /// <summary>Loads a master root (folders named YYYY-MM-DD) or one generation folder.</summary>
        public static Engine FromDirectory(string path)
        {
            if (path == null)
            {
                throw new ArgumentNullException("path");
            }
            byte[] bytes = Native.Utf8Bytes(path, "path");
            EngineHandle h;
            SanteiStatus status = Native.santei_engine_new_from_dir(Native.NonNull(bytes), (UIntPtr)bytes.Length, out h);
            return Wrap(status, h);
        }

        /// <summary>
        /// Builds an engine from in-memory master files. Keys are paths under the master root, e.g.
        /// "2024-06-01/s_20240531.zip" or "2024-06-01/s_ALL20240531.csv"; values are the file bytes.
        /// </summary>
        public static Engine FromFiles(IDictionary<string, byte[]> files)
        {
            if (files == null)
            {
                throw new ArgumentNullException("files");
            }
            // Validate everything before touching native code.
            var entries = new List<KeyValuePair<byte[], byte[]>>(files.Count);
            foreach (KeyValuePair<string, byte[]> file in files)
            {
                if (file.Key == null)
                {
                    throw new ArgumentNullException("files", "a file name is null");
                }
                if (file.Value == null)
                {
                    throw new ArgumentNullException("files", "the data of \"" + file.Key + "\" is null");
                }
                entries.Add(new KeyValuePair<byte[], byte[]>(Native.Utf8Bytes(file.Key, "files"), file.Value));
            }

            MasterFilesHandle set;
            Native.Check(Native.santei_master_files_new(out set), set);
            using (set)
            {
                foreach (KeyValuePair<byte[], byte[]> e in entries)
                {
                    Native.Check(Native.santei_master_files_add(
                        set,
                        Native.NonNull(e.Key), (UIntPtr)e.Key.Length,
                        Native.NonNull(e.Value), (UIntPtr)e.Value.Length), null);
                }
                EngineHandle h;
                SanteiStatus status = Native.santei_engine_new_from_files(set, out h);
                return Wrap(status, h);
            }
        }

        /// <summary>Calculates one claim: request JSON in, canonical response JSON out.</summary>
        public string CalculateJson(string requestJson)
        {
            return CallJson(requestJson, Native.CalculateJson);
        }

        /// <summary>
        /// Calculates a month of visits as one レセプト: MonthRequest JSON in
        /// (<c>{"month":"2024-06","patient":…,"insurance":…,"visits":[{"date":…,"orders":…}]}</c>),
        /// canonical MonthResponse JSON out.
        /// </summary>
        public string CalculateMonthJson(string requestJson)
        {
            return CallJson(requestJson, Native.CalculateMonthJson);
        }

        /// <summary>
        /// 患者負担金 of one レセプト (高額療養費 限度額, then each 公費 in priority order): CopayRequest
        /// JSON in (<c>{"serviceDate":"2024-06-15","patient":…,"insurance":…,"publicExpenses":[{"houbetsu":"54","capYen":10000}],"parts":[{"points":…,"publicExpenses":[0]}]}</c>;
        /// insurance and publicExpenses optional), canonical CopayResponse JSON out.
        /// </summary>
        public string CalculateCopayJson(string requestJson)
        {
            return CallJson(requestJson, Native.CalculateCopayJson);
        }

        /// <summary>
        /// 事前審査 of a month's claim as billed (the レセプト's lines with their 算定日), against the
        /// masters in force on the first day of its month: CheckRequest JSON in
        /// (<c>{"month":"2024-06","patient":…,"insurance":…,"lines":[{"section":"11","items":[{"code":"111000110"}],"days":[{"day":3,"count":1}]}]}</c>),
        /// canonical CheckResponse JSON out (findings with stable codes, severity, ja/en messages,
        /// line / item / day and the data row). A claim with no lines, a bad month or day is a
        /// <see cref="SanteiException"/> with <c>SANTEI_INVALID_REQUEST</c>.
        /// </summary>
        public string CheckJson(string requestJson)
        {
            return CallJson(requestJson, Native.CheckJson);
        }

        /// <summary>
        /// 事前審査 of every receipt of a UKE file (RECEIPTC.UKE, 記録条件仕様 医科): the file's bytes
        /// as they are on disk (CP932 text — not JSON, not a string) in, canonical
        /// CheckUkeResponse JSON out (<c>billingMonth</c>; per receipt its <c>receiptNo</c>, the
        /// <c>claim</c> it was read as and its <c>check</c>; the counts of findings). A receipt that
        /// cannot be checked is an <c>E-UKE-001</c> finding on it; a file that is not a readable UKE
        /// is a <see cref="SanteiException"/> with <c>SANTEI_PARSE_ERROR</c> naming its line,
        /// record and field.
        /// </summary>
        public string CheckUkeJson(byte[] uke)
        {
            if (uke == null)
            {
                throw new ArgumentNullException("uke");
            }
            ThrowIfDisposed();
            return CallBytes(uke, Native.CheckUkeJson);
        }

        /// <summary>
        /// A UKE file (RECEIPTC.UKE, 記録条件仕様 医科) read into its records: the file's bytes as
        /// they are on disk (CP932 text — not JSON, not a string) in, the canonical UkeFile JSON out
        /// (<c>ir</c>, <c>receipts</c>: <c>{re, records}</c> with each record tagged by
        /// <c>record</c>, <c>go</c>, <c>eofMark</c>; schema/uke-file.schema.json). A file that is not
        /// a readable UKE is a <see cref="SanteiException"/> with <c>SANTEI_PARSE_ERROR</c> naming
        /// its line, record and field.
        /// </summary>
        public string ReadUkeJson(byte[] uke)
        {
            if (uke == null)
            {
                throw new ArgumentNullException("uke");
            }
            ThrowIfDisposed();
            return CallBytes(uke, Native.ReadUkeJson);
        }

        /// <summary>
        /// A UKE file written from its records: UkeFile JSON in (what <see cref="ReadUkeJson"/>
        /// returns, edited or not), the file's exact bytes out (CP932, CRLF, the EOF code 0x1A when
        /// <c>eofMark</c>). Reading a file and writing its JSON back gives the same bytes. JSON that
        /// is not a UkeFile is <c>SANTEI_PARSE_ERROR</c>; a value the file cannot hold (a character
        /// CP932 cannot encode, …) is <c>SANTEI_INVALID_REQUEST</c> naming the line, record and field.
        /// </summary>
        public byte[] WriteUke(string json)
        {
            if (json == null)
            {
                throw new ArgumentNullException("json");
            }
            ThrowIfDisposed();
            byte[] request = Native.Utf8Bytes(json, "json");
            IntPtr buffer;
            UIntPtr length;
            SanteiStatus status = Native.santei_write_uke(
                handle, Native.NonNull(request), (UIntPtr)request.Length, out buffer, out length);
            return Native.TakeBytes(status, buffer, length);
        }

        /// <summary>
        /// What changed in the masters between two dates of service: request JSON in
        /// (<c>{"from":"2024-05-31","to":"2024-06-01","kinds":["s"],"codes":["111000110"]}</c>;
        /// kinds and codes optional), canonical response JSON out.
        /// </summary>
        public string DiffMastersJson(string requestJson)
        {
            return CallJson(requestJson, Native.DiffMastersJson);
        }

        /// <summary>What the engine has loaded (generations, row counts, files) as canonical JSON.</summary>
        public string InfoJson()
        {
            ThrowIfDisposed();
            IntPtr buffer;
            UIntPtr length;
            SanteiStatus status = Native.santei_engine_info_json(handle, out buffer, out length);
            return Native.TakeBuffer(status, buffer, length);
        }

        /// <summary>Releases the native engine. Safe to call more than once.</summary>
        public void Dispose()
        {
            handle.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// The one shape of the JSON calls: checks the argument and the handle, sends the request as
        /// UTF-8 through <paramref name="call"/>, and copies (and frees) the buffer it returns.
        /// </summary>
        private string CallJson(string requestJson, Native.JsonCall call)
        {
            if (requestJson == null)
            {
                throw new ArgumentNullException("requestJson");
            }
            ThrowIfDisposed();
            return CallBytes(Native.Utf8Bytes(requestJson, "requestJson"), call);
        }

        /// <summary>Sends <paramref name="request"/> through <paramref name="call"/> and copies (and
        /// frees) the buffer it returns.</summary>
        private string CallBytes(byte[] request, Native.JsonCall call)
        {
            IntPtr buffer;
            UIntPtr length;
            SanteiStatus status = call(
                handle, Native.NonNull(request), (UIntPtr)request.Length, out buffer, out length);
            return Native.TakeBuffer(status, buffer, length);
        }

        private void ThrowIfDisposed()
        {
            if (handle.IsClosed)
            {
                throw new ObjectDisposedException(typeof(Engine).FullName);
            }
        }

        private static Engine Wrap(SanteiStatus status, EngineHandle h)
        {
            Native.Check(status, h);
            if (h == null || h.IsInvalid)
            {
                if (h != null)
                {
                    h.Dispose();
                }
                throw new SanteiException(SanteiStatus.SANTEI_PANIC, "libsantei returned SANTEI_OK without an engine");
            }
            return new Engine(h);
        }
    }

    internal static class Native
    {
        private const string Lib = "santei";

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        // A non-null pointer for empty inputs: the ABI refuses NULL strings even with length 0.
        private static readonly byte[] Empty = new byte[1];

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint santei_abi_version();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr santei_version();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr santei_last_error_message();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_engine_new_from_dir(
            [In] byte[] path, UIntPtr pathLen, out EngineHandle engine);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_master_files_new(out MasterFilesHandle files);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_master_files_add(
            MasterFilesHandle files, [In] byte[] name, UIntPtr nameLen, [In] byte[] data, UIntPtr dataLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void santei_master_files_free(IntPtr files);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_engine_new_from_files(
            MasterFilesHandle files, out EngineHandle engine);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void santei_engine_free(IntPtr engine);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_calculate_json(
            EngineHandle engine, [In] byte[] request, UIntPtr requestLen, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_calculate_month_json(
            EngineHandle engine, [In] byte[] request, UIntPtr requestLen, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_calculate_copay_json(
            EngineHandle engine, [In] byte[] request, UIntPtr requestLen, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_check_json(
            EngineHandle engine, [In] byte[] request, UIntPtr requestLen, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_diff_masters_json(
            EngineHandle engine, [In] byte[] request, UIntPtr requestLen, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_check_uke_json(
            EngineHandle engine, [In] byte[] bytes, UIntPtr len, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_read_uke_json(
            EngineHandle engine, [In] byte[] bytes, UIntPtr len, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_write_uke(
            EngineHandle engine, [In] byte[] json, UIntPtr jsonLen, out IntPtr output, out UIntPtr outputLen);

        /// <summary>The signature shared by the JSON calls (request bytes in, owned buffer out).</summary>
        internal delegate SanteiStatus JsonCall(
            EngineHandle engine, byte[] request, UIntPtr requestLen, out IntPtr output, out UIntPtr outputLen);

        // One delegate per JSON call, made once rather than on every call.
        internal static readonly JsonCall CalculateJson = santei_calculate_json;
        internal static readonly JsonCall CalculateMonthJson = santei_calculate_month_json;
        internal static readonly JsonCall CalculateCopayJson = santei_calculate_copay_json;
        internal static readonly JsonCall CheckJson = santei_check_json;
        internal static readonly JsonCall CheckUkeJson = santei_check_uke_json;
        internal static readonly JsonCall ReadUkeJson = santei_read_uke_json;
        internal static readonly JsonCall DiffMastersJson = santei_diff_masters_json;

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern SanteiStatus santei_engine_info_json(
            EngineHandle engine, out IntPtr output, out UIntPtr outputLen);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void santei_buffer_free(IntPtr buffer, UIntPtr length);

        internal static byte[] Utf8Bytes(string s, string paramName)
        {
            try
            {
                return StrictUtf8.GetBytes(s);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException("not encodable as UTF-8 (lone surrogate)", paramName, e);
            }
        }

        internal static byte[] NonNull(byte[] bytes)
        {
            return bytes.Length == 0 ? Empty : bytes;
        }

        /// <summary>Reads a NUL-terminated UTF-8 string owned by the library.</summary>
        internal static string ReadCString(IntPtr p)
        {
            if (p == IntPtr.Zero)
            {
                return "";
            }
            int n = 0;
            while (Marshal.ReadByte(p, n) != 0)
            {
                n++;
            }
            var bytes = new byte[n];
            Marshal.Copy(p, bytes, 0, n);
            return StrictUtf8.GetString(bytes);
        }

        /// <summary>Throws for a non-OK status (reading the thread's last error message first).</summary>
        internal static void Check(SanteiStatus status, SafeHandle toDisposeOnError)
        {
            if (status == SanteiStatus.SANTEI_OK)
            {
                return;
            }
            string message = ReadCString(santei_last_error_message());
            if (toDisposeOnError != null)
            {
                toDisposeOnError.Dispose();
            }
            throw new SanteiException(status, message);
        }

        /// <summary>Copies an output buffer into a string and always releases it.</summary>
        internal static string TakeBuffer(SanteiStatus status, IntPtr buffer, UIntPtr length)
        {
            return StrictUtf8.GetString(TakeBytes(status, buffer, length));
        }

        /// <summary>Copies an output buffer (bytes, e.g. a UKE file) and always releases it.</summary>
        internal static byte[] TakeBytes(SanteiStatus status, IntPtr buffer, UIntPtr length)
        {
            try
            {
                Check(status, null);
                if (buffer == IntPtr.Zero)
                {
                    return new byte[0];
                }
                ulong n = length.ToUInt64();
                if (n > int.MaxValue)
                {
                    throw new InvalidOperationException("libsantei returned a buffer of " + n + " bytes");
                }
                var bytes = new byte[(int)n];
                Marshal.Copy(buffer, bytes, 0, (int)n);
                return bytes;
            }
            finally
            {
                santei_buffer_free(buffer, length);
            }
        }
    }
}
