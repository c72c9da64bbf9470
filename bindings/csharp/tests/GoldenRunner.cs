// C# surface of the golden vectors (see tests/README.md): every vector in tests/vectors, run through
// the P/Invoke binding against the bundled masters, compared as canonical JSON; outputs go to
// tests/out/csharp/. A vector's "call" picks the entry point: "calculate" (the default) runs
// CalculateJson, "calculateMonth" runs CalculateMonthJson, "calculateCopay" runs
// CalculateCopayJson, "check" runs CheckJson, "checkUke" runs CheckUkeJson and "readUke"
// ReadUkeJson on the bytes of the vector's "requestFile" (a path from the repository root),
// "writeUke" runs WriteUke (its bytes must equal the "expectedFile"'s and go to <id>.uke),
// "diffMasters" runs DiffMastersJson,
// "info" runs InfoJson (its request is not sent); any other call fails the vector. "expectedSubset" checks only the keys it names. Then a
// few binding checks (FromFiles, master/parse errors, version, info shape, null arguments, Dispose).
//
// Usage: mono GoldenRunner.exe [--root <repo>] [filter]
//   filter: run only vectors whose id contains it (the binding checks always run).

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace Santei.Tests
{
    public static class GoldenRunner
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false, true);

        private static int passed;
        private static int failed;

        public static int Main(string[] args)
        {
            try
            {
                return Run(args);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine("golden runner aborted: " + e);
                return 2;
            }
        }

        private static int Run(string[] args)
        {
            string root = null;
            string filter = null;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--root" && i + 1 < args.Length)
                {
                    root = args[++i];
                }
                else if (!args[i].StartsWith("-", StringComparison.Ordinal))
                {
                    filter = args[i];
                }
                else
                {
                    Console.Error.WriteLine("usage: GoldenRunner.exe [--root <repo>] [filter]");
                    return 2;
                }
            }
            root = Path.GetFullPath(root ?? FindRoot());
            string masters = Path.Combine(root, "masters");
            string vectorsDir = Path.Combine(root, Path.Combine("tests", "vectors"));
            string outDir = Path.Combine(root, Path.Combine("tests", Path.Combine("out", "csharp")));
            Directory.CreateDirectory(outDir);

            Console.WriteLine("libsantei " + Library.Version + " (C ABI " + Library.AbiVersion + ")");

            List<string> files = CollectVectors(vectorsDir);
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            int vectorsRun = 0;
            string firstRequest = null;

            using (Engine engine = Engine.FromDirectory(masters))
            {
                foreach (string file in files)
                {
                    string rel = Relative(root, file);
                    Vector v;
                    try
                    {
                        v = Vector.Load(file);
                    }
                    catch (Exception e)
                    {
                        Fail(rel, "cannot read the vector: " + e.Message);
                        continue;
                    }
                    if (filter != null && v.Id.IndexOf(filter, StringComparison.Ordinal) < 0)
                    {
                        continue;
                    }
                    string other;
                    if (ids.TryGetValue(v.Id, out other))
                    {
                        Fail(v.Id, "duplicate id (also in " + other + ")");
                        continue;
                    }
                    ids.Add(v.Id, rel);
                    vectorsRun++;
                    if (firstRequest == null && v.Call == CallCalculate)
                    {
                        firstRequest = v.RequestText;
                    }
                    RunVector(engine, v, root, outDir);
                }

                if (firstRequest != null)
                {
                    CheckFromFiles(masters, engine, firstRequest);
                }
                CheckMasterErrors(masters);
                ExpectParseError("csharp-parse-error", engine.CalculateJson);
                ExpectParseError("csharp-month-parse-error", engine.CalculateMonthJson);
                ExpectParseError("csharp-copay-parse-error", engine.CalculateCopayJson);
                ExpectParseError("csharp-check-parse-error", engine.CheckJson);
                ExpectParseError("csharp-diff-parse-error", engine.DiffMastersJson);
                // CheckUkeJson takes the file's bytes: text that is not a UKE file, and no bytes at all
                ExpectParseError("csharp-check-uke-parse-error", text => engine.CheckUkeJson(Encoding.ASCII.GetBytes(text)));
                ExpectParseError("csharp-check-uke-empty", text => engine.CheckUkeJson(new byte[0]));
                ExpectParseError("csharp-read-uke-parse-error", text => engine.ReadUkeJson(Encoding.ASCII.GetBytes(text)));
                ExpectParseError("csharp-write-uke-parse-error", text => Encoding.ASCII.GetString(engine.WriteUke(text)));
                CheckUkeRoundTrip(engine, root);
                CheckVersion();
                CheckInfo(engine);
                CheckNullArguments(engine);
                CheckDispose(masters);
            }

            if (vectorsRun == 0)
            {
                Console.WriteLine("no vectors ran (looked in " + vectorsDir + ")");
            }
            Console.WriteLine();
            Console.WriteLine(passed + " passed, " + failed + " failed");
            return failed > 0 || vectorsRun == 0 ? 1 : 0;
        }

        // ---- vectors ----

        private const string CallCalculate = "calculate";
        private const string CallCalculateMonth = "calculateMonth";
        private const string CallCalculateCopay = "calculateCopay";
        private const string CallCheck = "check";
        private const string CallCheckUke = "checkUke";
        private const string CallReadUke = "readUke";
        private const string CallWriteUke = "writeUke";
        private const string CallDiffMasters = "diffMasters";
        private const string CallInfo = "info";

        private sealed class Vector
        {
            public string Id;
            public string Call;           // "calculate" when absent; checked in RunVector
            public string RequestText;    // what goes to CalculateJson / CalculateMonthJson / … (not sent for info)
            public string RequestFile;    // checkUke: the input file, a path from the repository root
            public object Expected;       // a parsed response, or null
            public object ExpectedSubset; // a parsed part of the response ("expectedSubset"), or null
            public string ExpectedError;  // a status name, or null
            public string ExpectedFile;   // writeUke: the file the output bytes must equal, or null

            public static Vector Load(string file)
            {
                object parsed = Json.Parse(File.ReadAllBytes(file));
                var o = parsed as JsonObject;
                if (o == null)
                {
                    throw new JsonException("a vector is a JSON object");
                }
                var v = new Vector();
                v.Id = o.Get("id") as string;
                if (string.IsNullOrEmpty(v.Id) || v.Id == "." || v.Id == ".."
                    || v.Id.IndexOfAny(new[] { '/', '\\', '\0' }) >= 0)
                {
                    throw new JsonException("\"id\" must be a non-empty string usable as a file name");
                }
                if (o.Has("call"))
                {
                    v.Call = o.Get("call") as string;
                    if (v.Call == null)
                    {
                        throw new JsonException("\"call\" must be a string");
                    }
                }
                else
                {
                    v.Call = CallCalculate;
                }
                bool hasRequest = o.Has("request"), hasText = o.Has("requestText"), hasFile = o.Has("requestFile");
                if ((hasRequest ? 1 : 0) + (hasText ? 1 : 0) + (hasFile ? 1 : 0) != 1)
                {
                    throw new JsonException(
                        "exactly one of \"request\", \"requestText\" and \"requestFile\" is required");
                }
                if (hasFile)
                {
                    v.RequestFile = o.Get("requestFile") as string;
                    if (string.IsNullOrEmpty(v.RequestFile))
                    {
                        throw new JsonException("\"requestFile\" must be a non-empty string");
                    }
                }
                else if (hasText)
                {
                    v.RequestText = o.Get("requestText") as string;
                    if (v.RequestText == null)
                    {
                        throw new JsonException("\"requestText\" must be a string");
                    }
                }
                else
                {
                    v.RequestText = Json.Canonical(o.Get("request"));
                }
                bool hasExpected = o.Has("expected"), hasSubset = o.Has("expectedSubset"), hasError = o.Has("expectedError");
                bool hasFile2 = o.Has("expectedFile");
                if ((hasExpected ? 1 : 0) + (hasSubset ? 1 : 0) + (hasFile2 ? 1 : 0) + (hasError ? 1 : 0) != 1)
                {
                    throw new JsonException(
                        "exactly one of \"expected\", \"expectedSubset\", \"expectedFile\" and \"expectedError\" is required");
                }
                if (hasFile2)
                {
                    v.ExpectedFile = o.Get("expectedFile") as string;
                    if (string.IsNullOrEmpty(v.ExpectedFile))
                    {
                        throw new JsonException("\"expectedFile\" must be a non-empty string");
                    }
                }
                else if (hasExpected)
                {
                    v.Expected = o.Get("expected");
                }
                else if (hasSubset)
                {
                    v.ExpectedSubset = o.Get("expectedSubset");
                }
                else
                {
                    var err = o.Get("expectedError") as JsonObject;
                    v.ExpectedError = err == null ? null : err.Get("code") as string;
                    if (v.ExpectedError == null)
                    {
                        throw new JsonException("\"expectedError\" must be an object with a string \"code\"");
                    }
                }
                return v;
            }
        }

        private static void RunVector(Engine engine, Vector v, string root, string outDir)
        {
            Func<string, string> call;
            bool byFile = v.Call == CallCheckUke || v.Call == CallReadUke;
            if (v.RequestFile != null && !byFile)
            {
                Fail(v.Id, "\"requestFile\" is only for calls \"checkUke\" and \"readUke\"");
                return;
            }
            if ((v.ExpectedFile != null) != (v.Call == CallWriteUke && v.ExpectedError == null))
            {
                Fail(v.Id, "\"expectedFile\" is for call \"writeUke\", which takes it or \"expectedError\"");
                return;
            }
            if (v.Call == CallWriteUke)
            {
                RunWriteUke(engine, v, root, outDir);
                return;
            }
            if (byFile)
            {
                if (v.RequestFile == null)
                {
                    Fail(v.Id, "call " + Json.Quote(v.Call) + " needs a \"requestFile\"");
                    return;
                }
                byte[] uke = File.ReadAllBytes(Path.Combine(root, v.RequestFile));
                if (v.Call == CallCheckUke)
                {
                    call = delegate { return engine.CheckUkeJson(uke); };
                }
                else
                {
                    call = delegate { return engine.ReadUkeJson(uke); };
                }
            }
            else if (v.Call == CallCalculate)
            {
                call = engine.CalculateJson;
            }
            else if (v.Call == CallCalculateMonth)
            {
                call = engine.CalculateMonthJson;
            }
            else if (v.Call == CallCalculateCopay)
            {
                call = engine.CalculateCopayJson;
            }
            else if (v.Call == CallCheck)
            {
                call = engine.CheckJson;
            }
            else if (v.Call == CallDiffMasters)
            {
                call = engine.DiffMastersJson;
            }
            else if (v.Call == CallInfo)
            {
                call = delegate { return engine.InfoJson(); };
            }
            else
            {
                Fail(v.Id, "unknown call " + Json.Quote(v.Call)
                    + " (expected \"calculate\", \"calculateMonth\", \"calculateCopay\", \"check\", \"checkUke\", \"readUke\", \"writeUke\", \"diffMasters\" or \"info\")");
                return;
            }
            string actual;
            string problem = null;
            try
            {
                string response = call(v.RequestText);
                actual = Json.Canonical(Json.Parse(response));
                if (v.ExpectedError != null)
                {
                    problem = "expected error " + v.ExpectedError + ", got a response\n     actual   " + actual;
                }
                else if (v.ExpectedSubset != null)
                {
                    string mismatch = SubsetMismatch(v.ExpectedSubset, Json.Parse(response), "");
                    if (mismatch != null)
                    {
                        problem = mismatch + "\n     actual   " + actual;
                    }
                }
                else
                {
                    string expected = Json.Canonical(v.Expected);
                    if (expected != actual)
                    {
                        problem = "expected " + expected + "\n     actual   " + actual + "\n     " + DiffHint(expected, actual);
                    }
                }
            }
            catch (SanteiException e)
            {
                actual = "{\"code\":" + Json.Quote(e.Code) + "}";
                if (v.ExpectedError == null)
                {
                    problem = "unexpected error " + e.Code + ": " + e.Message;
                }
                else if (v.ExpectedError != e.Code)
                {
                    problem = "expected error " + v.ExpectedError + ", got " + e.Code + ": " + e.Message;
                }
            }
            catch (Exception e)
            {
                Fail(v.Id, "unexpected exception: " + e);
                return;
            }
            File.WriteAllBytes(Path.Combine(outDir, v.Id + ".json"), Utf8NoBom.GetBytes(actual));
            if (problem == null)
            {
                Pass(v.Id);
            }
            else
            {
                Fail(v.Id, problem);
            }
        }

        /// <summary>
        /// A "writeUke" vector: the request JSON through WriteUke; the bytes it returns must equal
        /// the "expectedFile"'s and are written to &lt;id&gt;.uke (an error to &lt;id&gt;.json).
        /// </summary>
        private static void RunWriteUke(Engine engine, Vector v, string root, string outDir)
        {
            string problem = null;
            try
            {
                byte[] actual = engine.WriteUke(v.RequestText);
                File.WriteAllBytes(Path.Combine(outDir, v.Id + ".uke"), actual);
                if (v.ExpectedError != null)
                {
                    problem = "expected error " + v.ExpectedError + ", got " + actual.Length + " bytes";
                }
                else
                {
                    byte[] expected = File.ReadAllBytes(Path.Combine(root, v.ExpectedFile));
                    if (!expected.SequenceEqual(actual))
                    {
                        problem = "output (" + actual.Length + " bytes) differs from " + v.ExpectedFile
                            + " (" + expected.Length + " bytes)";
                    }
                }
            }
            catch (SanteiException e)
            {
                File.WriteAllBytes(Path.Combine(outDir, v.Id + ".json"),
                    Utf8NoBom.GetBytes("{\"code\":" + Json.Quote(e.Code) + "}"));
                if (v.ExpectedError != e.Code)
                {
                    problem = "expected " + (v.ExpectedError ?? "a file") + ", got " + e.Code + ": " + e.Message;
                }
            }
            catch (Exception e)
            {
                Fail(v.Id, "unexpected exception: " + e);
                return;
            }
            if (problem == null)
            {
                Pass(v.Id);
            }
            else
            {
                Fail(v.Id, problem);
            }
        }

        /// <summary>
        /// "expectedSubset" (tests/README.md): null when every key of an expected object is in the
        /// actual one with a matching value, recursively, arrays have the same length and match
        /// element by element, and scalars are equal; otherwise where and how they differ.
        /// </summary>
        private static string SubsetMismatch(object expected, object actual, string path)
        {
            var e = expected as JsonObject;
            var a = actual as JsonObject;
            if (e != null && a != null)
            {
                foreach (KeyValuePair<string, object> member in e.Members)
                {
                    string at = path + "." + member.Key;
                    if (!a.Has(member.Key))
                    {
                        return at + ": missing";
                    }
                    string m = SubsetMismatch(member.Value, a.Get(member.Key), at);
                    if (m != null)
                    {
                        return m;
                    }
                }
                return null;
            }
            var ea = expected as List<object>;
            var aa = actual as List<object>;
            if (ea != null && aa != null && ea.Count == aa.Count)
            {
                for (int i = 0; i < ea.Count; i++)
                {
                    string m = SubsetMismatch(ea[i], aa[i], path + "[" + i + "]");
                    if (m != null)
                    {
                        return m;
                    }
                }
                return null;
            }
            string x = Json.Canonical(expected), y = Json.Canonical(actual);
            return x == y ? null : path + ": expected " + x + ", actual " + y;
        }

        private static string DiffHint(string expected, string actual)
        {
            int n = Math.Min(expected.Length, actual.Length);
            int i = 0;
            while (i < n && expected[i] == actual[i])
            {
                i++;
            }
            int from = Math.Max(0, i - 30);
            return "first difference at character " + i + ": expected …" + Slice(expected, from, i + 30)
                + "… actual …" + Slice(actual, from, i + 30) + "…";
        }

        private static string Slice(string s, int from, int to)
        {
            if (from >= s.Length)
            {
                return "";
            }
            return s.Substring(from, Math.Min(s.Length, to) - from);
        }

        // ---- binding checks ----

        private static void CheckFromFiles(string masters, Engine fromDir, string request)
        {
            const string name = "csharp-from-files-same-output";
            try
            {
                var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                foreach (string f in Directory.GetFiles(masters, "*", SearchOption.AllDirectories))
                {
                    files.Add(Relative(masters, f), File.ReadAllBytes(f));
                }
                string a = Outcome(fromDir, request);
                string b;
                using (Engine fromFiles = Engine.FromFiles(files))
                {
                    b = Outcome(fromFiles, request);
                }
                Expect(name, a == b, "FromDirectory gave " + a + "\n     FromFiles gave     " + b);
            }
            catch (Exception e)
            {
                Fail(name, "unexpected exception: " + e);
            }
        }

        private static string Outcome(Engine engine, string request)
        {
            try
            {
                return engine.CalculateJson(request);
            }
            catch (SanteiException e)
            {
                return "{\"code\":" + Json.Quote(e.Code) + "}";
            }
        }

        private static void CheckMasterErrors(string masters)
        {
            byte[] zip = null;
            string zipName = null;
            string[] zips = Directory.GetFiles(Path.Combine(masters, "2024-06-01"), "s_*.zip");
            if (zips.Length > 0)
            {
                zipName = "2024-06-01/" + Path.GetFileName(zips[0]);
                zip = File.ReadAllBytes(zips[0]);
            }

            // the first 5000 bytes of the extracted 医科診療行為マスター CSV
            ExpectMasterError("csharp-truncated-master-csv", delegate
            {
                if (zip == null)
                {
                    throw new InvalidOperationException("no s_*.zip under masters/2024-06-01");
                }
                byte[] csv = FirstCsvOf(zip);
                var head = new byte[Math.Min(5000, csv.Length)];
                Array.Copy(csv, head, head.Length);
                return new Dictionary<string, byte[]> { { "2024-06-01/s_ALL20240531.csv", head } };
            });

            // the s zip cut after 5000 bytes (no central directory)
            ExpectMasterError("csharp-damaged-master-zip", delegate
            {
                if (zip == null)
                {
                    throw new InvalidOperationException("no s_*.zip under masters/2024-06-01");
                }
                var head = new byte[Math.Min(5000, zip.Length)];
                Array.Copy(zip, head, head.Length);
                return new Dictionary<string, byte[]> { { zipName, head } };
            });
        }

        private static byte[] FirstCsvOf(byte[] zip)
        {
            using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
            {
                foreach (ZipArchiveEntry entry in archive.Entries)
                {
                    if (entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    {
                        using (Stream s = entry.Open())
                        using (var m = new MemoryStream())
                        {
                            s.CopyTo(m);
                            return m.ToArray();
                        }
                    }
                }
            }
            throw new InvalidOperationException("no .csv in the s master zip");
        }

        private delegate Dictionary<string, byte[]> FilesMaker();

        private static void ExpectMasterError(string name, FilesMaker make)
        {
            try
            {
                Dictionary<string, byte[]> files = make();
                using (Engine.FromFiles(files))
                {
                }
                Fail(name, "expected SANTEI_MASTER_ERROR, the engine loaded");
            }
            catch (SanteiException e)
            {
                Expect(name, e.Code == "SANTEI_MASTER_ERROR" && e.Message.Length > 0,
                    "expected SANTEI_MASTER_ERROR with a message, got " + e.Code + ": " + e.Message);
            }
            catch (Exception e)
            {
                Fail(name, "unexpected exception: " + e);
            }
        }

        /// <summary>
        /// <paramref name="call"/> on "{not json" must throw SANTEI_PARSE_ERROR (code and status)
        /// with the library's message.
        /// </summary>
        private static void ExpectParseError(string name, Func<string, string> call)
        {
            try
            {
                call("{not json");
                Fail(name, "expected SANTEI_PARSE_ERROR, got a response");
            }
            catch (SanteiException e)
            {
                Expect(name, e.Code == "SANTEI_PARSE_ERROR" && e.Status == SanteiStatus.SANTEI_PARSE_ERROR
                    && e.Message.Length > 0,
                    "expected SANTEI_PARSE_ERROR with a message, got " + e.Code + ": " + e.Message);
            }
            catch (Exception e)
            {
                Fail(name, "unexpected exception: " + e);
            }
        }

        /// <summary>ReadUkeJson then WriteUke gives the file's bytes back.</summary>
        private static void CheckUkeRoundTrip(Engine engine, string root)
        {
            const string name = "csharp-uke-round-trip";
            try
            {
                byte[] uke = File.ReadAllBytes(Path.Combine(root, "tests/uke/check-2024-06.UKE"));
                string json = engine.ReadUkeJson(uke);
                Expect(name, json == Json.Canonical(Json.Parse(json)) && engine.WriteUke(json).SequenceEqual(uke),
                    "ReadUkeJson → WriteUke differs from tests/uke/check-2024-06.UKE");
            }
            catch (Exception e)
            {
                Fail(name, "unexpected exception: " + e);
            }
        }

        private static void CheckVersion()
        {
            Expect("csharp-version", Library.Version == "0.1.0" && Library.AbiVersion == 1,
                "Library.Version = " + Library.Version + ", Library.AbiVersion = " + Library.AbiVersion
                + " (expected 0.1.0, 1)");
        }

        private static void CheckInfo(Engine engine)
        {
            const string name = "csharp-info-json";
            try
            {
                string info = engine.InfoJson();
                var o = Json.Parse(info) as JsonObject;
                if (o == null || Json.Canonical(o) != info || o.Get("version") as string != Library.Version)
                {
                    Fail(name, "InfoJson is not canonical JSON naming version " + Library.Version + ": " + Head(info));
                    return;
                }
                string problem = InfoShapeProblem(o);
                Expect(name, problem == null, problem + " in " + Head(info));
            }
            catch (Exception e)
            {
                Fail(name, "unexpected exception: " + e);
            }
        }

        private static readonly string[] MasterKinds = { "s", "y", "t", "c", "b", "z" };

        /// <summary>
        /// Null when the info has the shape the binding documents: generations, each with
        /// "effective", "codes" {s,y,t,c,b,z → count}, "tensuhyo" {table → count},
        /// "files" [{name, kind, full, rows}] and "skipped" [name]; otherwise what is wrong.
        /// </summary>
        private static string InfoShapeProblem(JsonObject info)
        {
            var generations = info.Get("generations") as List<object>;
            if (generations == null || generations.Count == 0)
            {
                return "\"generations\" is not a non-empty array";
            }
            foreach (object item in generations)
            {
                var g = item as JsonObject;
                if (g == null || !(g.Get("effective") is string))
                {
                    return "a generation is not an object with a string \"effective\"";
                }
                string where = "generation " + (string)g.Get("effective") + ": ";
                var codes = g.Get("codes") as JsonObject;
                if (codes == null)
                {
                    return where + "\"codes\" is not an object";
                }
                foreach (string kind in MasterKinds)
                {
                    if (!IsCount(codes.Get(kind)))
                    {
                        return where + "codes." + kind + " is not a count";
                    }
                }
                if (codes.Members.Count != MasterKinds.Length)
                {
                    return where + "\"codes\" has keys other than s, y, t, c, b, z";
                }
                var tensuhyo = g.Get("tensuhyo") as JsonObject;
                if (tensuhyo == null)
                {
                    return where + "\"tensuhyo\" is not an object";
                }
                foreach (KeyValuePair<string, object> table in tensuhyo.Members)
                {
                    if (!IsCount(table.Value))
                    {
                        return where + "tensuhyo." + table.Key + " is not a count";
                    }
                }
                var files = g.Get("files") as List<object>;
                if (files == null || files.Count == 0)
                {
                    return where + "\"files\" is not a non-empty array";
                }
                foreach (object fileItem in files)
                {
                    var f = fileItem as JsonObject;
                    if (f == null || !(f.Get("name") is string) || !(f.Get("kind") is string)
                        || !(f.Get("full") is bool) || !IsCount(f.Get("rows")))
                    {
                        return where + "a file is not {name: string, kind: string, full: bool, rows: count}";
                    }
                }
                var skipped = g.Get("skipped") as List<object>;
                if (skipped == null || !skipped.TrueForAll(x => x is string))
                {
                    return where + "\"skipped\" is not an array of strings";
                }
            }
            return null;
        }

        private static bool IsCount(object value)
        {
            var n = value as JsonNumber;
            ulong ignored;
            return n != null && ulong.TryParse(n.Text, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out ignored);
        }

        private static string Head(string s)
        {
            return s.Length <= 300 ? s : s.Substring(0, 300) + "…";
        }

        private static void CheckNullArguments(Engine engine)
        {
            const string name = "csharp-null-arguments";
            var problems = new List<string>();
            ExpectNull(problems, "FromDirectory(null)", () => Engine.FromDirectory(null));
            ExpectNull(problems, "FromFiles(null)", () => Engine.FromFiles(null));
            ExpectNull(problems, "FromFiles({name: null})",
                () => Engine.FromFiles(new Dictionary<string, byte[]> { { "2024-06-01/s_ALL20240531.csv", null } }));
            ExpectNull(problems, "CalculateJson(null)", () => engine.CalculateJson(null));
            ExpectNull(problems, "CalculateMonthJson(null)", () => engine.CalculateMonthJson(null));
            ExpectNull(problems, "CalculateCopayJson(null)", () => engine.CalculateCopayJson(null));
            ExpectNull(problems, "CheckJson(null)", () => engine.CheckJson(null));
            ExpectNull(problems, "CheckUkeJson(null)", () => engine.CheckUkeJson(null));
            ExpectNull(problems, "ReadUkeJson(null)", () => engine.ReadUkeJson(null));
            ExpectNull(problems, "WriteUke(null)", () => Encoding.ASCII.GetString(engine.WriteUke(null)));
            ExpectNull(problems, "DiffMastersJson(null)", () => engine.DiffMastersJson(null));
            Expect(name, problems.Count == 0, string.Join("\n     ", problems.ToArray()));
        }

        private static void ExpectNull(List<string> problems, string what, Action call)
        {
            ExpectThrows<ArgumentNullException>(problems, what, what + ": no exception", call);
        }

        private static void CheckDispose(string masters)
        {
            const string name = "csharp-use-after-dispose";
            try
            {
                Engine engine = Engine.FromDirectory(masters);
                engine.Dispose();
                engine.Dispose(); // idempotent
                var problems = new List<string>();
                ExpectDisposed(problems, "CalculateJson", () => engine.CalculateJson("{}"));
                ExpectDisposed(problems, "CalculateMonthJson", () => engine.CalculateMonthJson("{}"));
                ExpectDisposed(problems, "CalculateCopayJson", () => engine.CalculateCopayJson("{}"));
                ExpectDisposed(problems, "CheckJson", () => engine.CheckJson("{}"));
                ExpectDisposed(problems, "CheckUkeJson", () => engine.CheckUkeJson(new byte[] { 0x49, 0x52, 0x2c }));
                ExpectDisposed(problems, "ReadUkeJson", () => engine.ReadUkeJson(new byte[] { 0x49, 0x52, 0x2c }));
                ExpectDisposed(problems, "WriteUke", () => Encoding.ASCII.GetString(engine.WriteUke("{}")));
                ExpectDisposed(problems, "DiffMastersJson", () => engine.DiffMastersJson("{}"));
                ExpectDisposed(problems, "InfoJson", () => engine.InfoJson());
                Expect(name, problems.Count == 0, string.Join("\n     ", problems.ToArray()));
            }
            catch (Exception e)
            {
                Fail(name, "unexpected exception: " + e);
            }
        }

        private static void ExpectDisposed(List<string> problems, string what, Action call)
        {
            ExpectThrows<ObjectDisposedException>(
                problems, what + " after Dispose", what + " after Dispose did not throw", call);
        }

        /// <summary>
        /// Adds a problem unless <paramref name="call"/> throws a <typeparamref name="T"/>:
        /// <paramref name="noThrow"/> when it returns, "<paramref name="what"/>: Type: message" for another exception.
        /// </summary>
        private static void ExpectThrows<T>(List<string> problems, string what, string noThrow, Action call)
            where T : Exception
        {
            try
            {
                call();
                problems.Add(noThrow);
            }
            catch (T)
            {
            }
            catch (Exception e)
            {
                problems.Add(what + ": " + e.GetType().Name + ": " + e.Message);
            }
        }

        // ---- plumbing ----

        private static void Expect(string name, bool ok, string problem)
        {
            if (ok)
            {
                Pass(name);
            }
            else
            {
                Fail(name, problem);
            }
        }

        private static void Pass(string name)
        {
            passed++;
            Console.WriteLine("test " + name + " ... ok");
        }

        private static void Fail(string name, string problem)
        {
            failed++;
            Console.WriteLine("test " + name + " ... FAILED");
            Console.WriteLine("     " + problem);
        }

        /// <summary>Every *.json under dir, ordered by path (components compared ordinally).</summary>
        private static List<string> CollectVectors(string dir)
        {
            var files = new List<string>();
            if (!Directory.Exists(dir))
            {
                return files;
            }
            foreach (string f in Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories))
            {
                if (f.EndsWith(".json", StringComparison.Ordinal))
                {
                    files.Add(f);
                }
            }
            files.Sort(ComparePaths);
            return files;
        }

        private static int ComparePaths(string a, string b)
        {
            string[] x = a.Split(Path.DirectorySeparatorChar), y = b.Split(Path.DirectorySeparatorChar);
            for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                int c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return x.Length.CompareTo(y.Length);
        }

        private static string Relative(string root, string path)
        {
            string r = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string p = Path.GetFullPath(path);
            if (!p.StartsWith(r, StringComparison.Ordinal))
            {
                throw new ArgumentException(path + " is not under " + root);
            }
            return p.Substring(r.Length).Replace(Path.DirectorySeparatorChar, '/');
        }

        /// <summary>The repository root: the nearest parent of the exe (or of the cwd) holding tests/vectors.</summary>
        private static string FindRoot()
        {
            foreach (string start in new[] { AppDomain.CurrentDomain.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
                {
                    if (Directory.Exists(Path.Combine(d.FullName, Path.Combine("tests", "vectors")))
                        && Directory.Exists(Path.Combine(d.FullName, "masters")))
                    {
                        return d.FullName;
                    }
                }
            }
            throw new InvalidOperationException("cannot find the repository root (tests/vectors and masters); pass --root");
        }
    }
}
