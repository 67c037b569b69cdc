// Hostile input, end to end (issue 6): each case runs the real binary and must exit 2 with one
// "orscalc: error: ..." line naming the problem, print nothing on stdout, and leave an
// existing --output file byte-identical (no temporary file left behind either).
#include "e2e.hpp"

#include <csignal>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

// A scratch directory of hostile files, removed when the test ends.
class HostileFiles {
  public:
    HostileFiles() {
        std::string tmpl = temp_path("hostile-XXXXXX");
        if (!::mkdtemp(tmpl.data())) FAIL("mkdtemp failed");
        dir_ = tmpl;
        write("empty.toml", "");
        std::string garbage;
        for (int i = 0; i < 4096; ++i)
            garbage += static_cast<char>((i * 7919 + 13) % 256);
        write("garbage.bin", garbage);
        write("bad-utf8-string.toml",
              "name = \"caf\xe9\"\n[ingredients]\nsalt = \"1/2 tsp\"\nwater = \"1 L\"\n");
        write("bad-utf8-comment.toml", "# \xff\xfe\xc0\x80\n[ingredients]\nsalt = \"1 tsp\"\n");
        write("nul.toml", std::string("name = \"a\0b\"\n", 13) + "[ingredients]\n");
        sparse("huge.toml", 100u << 20);
        write("nested-arrays.toml", "x = " + std::string(5000, '[') + std::string(5000, ']'));
        std::string inline_tables = "x = ";
        for (int i = 0; i < 5000; ++i)
            inline_tables += "{a=";
        inline_tables += "1" + std::string(5000, '}');
        write("nested-tables.toml", inline_tables);
        std::string header = "[a";
        for (int i = 0; i < 5000; ++i)
            header += ".a";
        write("deep-header.toml", header + "]\nb = 1\n");
        std::string dotted = "[ingredients]\nx = { a";
        for (int i = 0; i < 50000; ++i)
            dotted += ".a";
        write("deep-dotted-key.toml", dotted + " = 1 }\n");
        std::string mixed = "[a.a.a]\nb.b.b = ";
        for (int i = 0; i < 50; ++i)
            mixed += "{ c.c = "; // two levels each: 3 + 3 + 50 * 2 > 100
        write("deep-mixed.toml", mixed + "1" + std::string(50, '}') + "\n");
        write("nan.toml", "[ingredients]\nsalt = \"nan g\"\n");
        write("inf.toml", "[ingredients]\nsalt = \"inf g\"\n");
        write("zero-volume.toml", "volume = \"0 L\"\n[ingredients]\nsalt = \"1 tsp\"\n");
        write("number-not-string.toml", "[ingredients]\nsalt = 1.5\n");
        write("unknown-id.toml", "[ingredients]\nslat = \"1 tsp\"\n");
        write("unknown-target.toml", "target = \"who-3000\"\n[ingredients]\nsalt = \"1 tsp\"\n");
        write("unknown-key.toml", "volum = \"1 L\"\n[ingredients]\nsalt = \"1 tsp\"\n");

        const std::string my_salt = "kind = \"product\"\nname = \"my salt\"\nsource = \"test\"\n"
                                    "components = { sodium-chloride = 1.0 }\n";
        write("dup-across/ingredients/a.toml", "[my-salt]\n" + my_salt);
        write("dup-across/ingredients/b.toml", "[my-salt]\n" + my_salt);
        write("dup-within/ingredients/a.toml", "[my-salt]\n" + my_salt + "[my-salt]\n" + my_salt);
        write("dup-kinds/ingredients/a.toml", "[my-salt]\n" + my_salt);
        write("dup-kinds/targets/a.toml", target("my-salt", "max = 80\nhard = true"));
        write("unsafe/targets/salty.toml", target("salty", "max = 140\nhard = true"));
        write("inverted/targets/inverted.toml", target("inverted", "min = 90\nmax = 60"));
        write("nan-range/targets/nan.toml", target("nan-range", "min = nan\nmax = 80"));
        write("inf-range/targets/inf.toml", target("inf-range", "min = 60\nmax = inf"));
        write("negative-range/targets/neg.toml", target("negative", "min = -1\nmax = 80"));
        write("absurd-density/ingredients/juice.toml",
              "[juice]\nkind = \"composite\"\nname = \"juice\"\nform = \"liquid\"\n"
              "basis = \"100 g\"\nsodium = \"1 mg\"\nsource = \"test\"\n"
              "density = { value = \"1e308 g/mL\", source = \"test\" }\n");
        write("absurd-osmolality/ingredients/juice.toml",
              "[juice]\nkind = \"composite\"\nname = \"juice\"\nform = \"liquid\"\n"
              "basis = \"1 L\"\nsodium = \"1 mg\"\nsource = \"test\"\n"
              "osmolality = { value = \"1e300 mOsm/kg\", source = \"test\" }\n");
        write("absurd-measure/ingredients/salt.toml",
              "[my-salt]\n" + my_salt +
                  "measures = { pinch = { grams = 1e300, source = \"t\" } }\n");
        sparse("huge-lib/ingredients/huge.toml", 100u << 20);
        write("empty-lib/README", "no recipes here\n");
        write("answer.txt", original_output());
    }
    ~HostileFiles() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    HostileFiles(const HostileFiles&) = delete;
    HostileFiles& operator=(const HostileFiles&) = delete;

    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    const fs::path& dir() const { return dir_; }

    static std::string original_output() {
        return std::string("an earlier answer\n\xff\0 kept byte for byte", 39);
    }

  private:
    void write(const std::string& name, const std::string& text) {
        fs::create_directories((dir_ / name).parent_path());
        write_file(path(name), text);
    }
    // A large file in no time: a hole reads as zero bytes.
    void sparse(const std::string& name, std::uintmax_t bytes) {
        write(name, "");
        fs::resize_file(dir_ / name, bytes);
    }
    static std::string target(const std::string& id, const std::string& sodium_range) {
        return "[" + id + "]\nname = \"test target\"\nsource = \"test\"\n[" + id +
               ".ranges.sodium]\n" + sodium_range + "\nwhy = \"test\"\n";
    }
    fs::path dir_;
};

struct HostileCase {
    std::string what;
    std::vector<std::string> args; // "@name" is replaced by the scratch path of name
    std::string message;           // a substring of the one-line error
    std::string stdin_text = {};
};

std::vector<HostileCase> hostile_cases() {
    const std::string salt = "--add=salt=1tsp";
    return {
        {"empty file", {"check", "@empty.toml"}, "expected an [ingredients] table"},
        {"empty standard input", {"check", "-"}, "expected an [ingredients] table"},
        {"/dev/null", {"check", "/dev/null"}, "expected an [ingredients] table"},
        {"binary garbage", {"check", "@garbage.bin"}, "garbage.bin:1:"},
        {"binary garbage on stdin", {"check", "-"}, "<stdin>:1:", std::string("\0\x01\xfe", 3)},
        {"invalid UTF-8 in a string",
         {"check", "@bad-utf8-string.toml"},
         "bad-utf8-string.toml:1:"},
        {"invalid UTF-8 in a comment",
         {"check", "@bad-utf8-comment.toml"},
         "bad-utf8-comment.toml:1:"},
        {"NUL inside a string", {"check", "@nul.toml"}, "nul.toml:1:"},
        {"a 100 MB file", {"check", "@huge.toml"}, "larger than 16 MiB"},
        {"endless /dev/zero", {"check", "/dev/zero"}, "larger than 16 MiB"},
        {"17 MiB on standard input",
         {"check", "-"},
         "larger than 16 MiB",
         std::string(17u << 20, '#')},
        {"a 100 MB recipe file",
         {"--recipes", "@huge-lib", "list", "ingredients"},
         "larger than 16 MiB"},
        {"arrays 5000 deep", {"check", "@nested-arrays.toml"}, "nested-arrays.toml:1:"},
        {"inline tables 5000 deep", {"check", "@nested-tables.toml"}, "nested-tables.toml:1:"},
        {"a table header 5000 keys deep",
         {"check", "@deep-header.toml"},
         "nested more than 100 deep"},
        {"a dotted key 50000 deep", {"check", "@deep-dotted-key.toml"}, "deep-dotted-key.toml:2:"},
        {"dotted keys inside 50 inline tables",
         {"check", "@deep-mixed.toml"},
         "nested more than 100 deep"},
        {"duplicate id across recipe files",
         {"--recipes", "@dup-across", "list", "ingredients"},
         "duplicate id 'my-salt'"},
        {"duplicate id within one recipe file",
         {"--recipes", "@dup-within", "list", "ingredients"},
         "cannot redefine existing table 'my-salt'"},
        {"the same id as ingredient and target",
         {"--recipes", "@dup-kinds", "list", "targets"},
         "duplicate id 'my-salt'"},
        {"nan as an amount", {"check", "--add", "salt=nan g"}, "expected a number"},
        {"inf as an amount", {"check", "--add", "salt=inf g"}, "expected a number"},
        {"nan in a mixture file", {"check", "@nan.toml"}, "nan.toml:2:8"},
        {"inf in a mixture file", {"check", "@inf.toml"}, "inf.toml:2:8"},
        {"-1 tsp", {"check", "--add", "salt=-1tsp"}, "amounts must be positive"},
        {"+1 tsp", {"check", "--add", "salt=+1tsp"}, "amounts must be positive"},
        {"1e308 g", {"check", "--add", "sodium-chloride=1e308g"}, "exponent"},
        {"400 digits of grams",
         {"check", "--add", "sodium-chloride=" + std::string(400, '9') + "g"},
         "not a number"},
        {"over a million kg of salt",
         {"check", "--add", "salt=1000001kg", "--volume", "1L"},
         "implausibly large"},
        {"1/0 tsp", {"check", "--add", "salt=1/0tsp"}, "not a number"},
        {"a negative volume", {"check", salt, "--volume", "-1L"}, "--volume"},
        {"a zero volume", {"check", salt, "--volume", "0L"}, "expected a volume"},
        {"a volume too small to hold anything",
         {"check", salt, "--volume", "0." + std::string(320, '0') + "1mL"},
         "at least 1 mL"},
        {"half a millilitre", {"check", salt, "--volume", "0.5mL"}, "at least 1 mL"},
        {"a volume that is a mass", {"check", salt, "--volume", "1kg"}, "expected a volume"},
        {"a zero volume in a mixture file", {"check", "@zero-volume.toml"}, "zero-volume.toml:1:"},
        {"a number where an amount string belongs",
         {"check", "@number-not-string.toml"},
         "expected an amount as a string"},
        {"an unknown unit", {"check", "--add", "salt=1 smidgen"}, "unknown unit 'smidgen'"},
        {"an ambiguous unit", {"check", "--add", "salt=1oz"}, "ambiguous unit 'oz'"},
        {"a unit that does not apply", {"check", "--add", "salt=1mmol"}, "--add salt=1mmol"},
        {"an unknown ingredient", {"check", "--add", "slat=1tsp"}, "did you mean 'salt'"},
        {"an unknown ingredient in a file",
         {"check", "@unknown-id.toml"},
         "unknown ingredient 'slat'"},
        {"an unknown target", {"check", salt, "--target", "who-3000"}, "unknown target 'who-3000'"},
        {"an unknown target in a file",
         {"check", "@unknown-target.toml"},
         "unknown target 'who-3000'"},
        {"an unknown key in a file", {"check", "@unknown-key.toml"}, "did you mean 'volume'"},
        {"an unknown id to show", {"show", "no-such-thing"}, "no-such-thing"},
        {"an unknown list", {"list", "everything"}, "everything"},
        {"an unknown command", {"mixx"}, "unknown command 'mixx'"},
        {"an unknown format", {"--format", "xml", "list", "targets"}, "xml"},
        {"nothing to check", {"check"}, "nothing to check"},
        {"a directory as input", {"check", "@"}, "is a directory"},
        {"a nonexistent path", {"check", "@missing.toml"}, "no such file"},
        {"a path under a regular file", {"check", "@empty.toml/child"}, "no such file"},
        {"a file as recipe directory",
         {"--recipes", "@empty.toml", "list", "targets"},
         "recipe directory not found"},
        {"a nonexistent recipe directory",
         {"--recipes", "@missing", "list", "targets"},
         "recipe directory not found"},
        {"a recipe directory without recipes",
         {"--recipes", "@empty-lib", "list", "targets"},
         "holds ingredients/ or targets/"},
        {"a target beyond the safety envelope",
         {"--recipes", "@unsafe", "list", "targets"},
         "outside the safety envelope"},
        {"a target whose min is above its max",
         {"--recipes", "@inverted", "list", "targets"},
         "min above max"},
        {"nan in a target range",
         {"--recipes", "@nan-range", "list", "targets"},
         "not a finite number"},
        {"inf in a target range",
         {"--recipes", "@inf-range", "list", "targets"},
         "not a finite number"},
        {"a negative target range",
         {"--recipes", "@negative-range", "list", "targets"},
         "negative value"},
        {"an absurd osmolality",
         {"--recipes", "@absurd-osmolality", "list", "ingredients"},
         "osmolality: expected at most"},
        {"an absurd household measure",
         {"--recipes", "@absurd-measure", "list", "ingredients"},
         "grams must be positive and at most a million"},
        // plan: the patient's numbers.
        {"a 5000 kg patient", {"plan", "--weight", "5000kg"}, "--weight '5000kg'"},
        {"a negative weight", {"plan", "--weight", "-1kg"}, "amounts must be positive"},
        {"nan as a weight", {"plan", "--weight", "nan"}, "--weight 'nan'"},
        {"an age of 200 years", {"plan", "--age", "200y"}, "--age '200y'"},
        {"no weight and no age", {"plan", "--dehydration", "some"}, "weight or age"},
        {"negative stools", {"plan", "--weight", "12kg", "--stools", "-3"}, "--stools '-3'"},
        {"an unknown sign", {"plan", "--weight", "9kg", "--signs", "bogus"}, "unknown sign"},
        {"an unknown symptom",
         {"plan", "--weight", "9kg", "--symptoms", "bogus"},
         "unknown symptom"},
        {"an absurd duration",
         {"plan", "--weight", "9kg", "--duration", "1e308h"},
         "--duration '1e308h'"},
        {"an unknown ingredient to plan with",
         {"plan", "--weight", "9kg", "--have", "slat,water"},
         "did you mean 'salt'"},
        // plan --input: file-level problems (row problems are in test_plan_batch.cpp).
        {"an empty patient file", {"plan", "--input", "@empty.toml"}, "empty file"},
        {"binary garbage as a patient file",
         {"plan", "--input", "@garbage.bin"},
         "neither a 'weight' nor an 'age' column"},
        {"a directory as a patient file", {"plan", "--input", "@"}, "is a directory"},
        {"a nonexistent patient file", {"plan", "--input", "@missing.csv"}, "No such file"},
        {"an unterminated quote in a patient file",
         {"plan", "--input", "-"},
         "unterminated quoted field",
         "weight\n\"12kg\n"},
        // mix: what the person has.
        {"an unknown ingredient to mix", {"mix", "--have", "slat,water"}, "did you mean 'salt'"},
        {"a negative cap", {"mix", "--have", "salt<=-1g,water"}, "amounts must be positive"},
        {"nan as a cap", {"mix", "--have", "salt<=nan g,water"}, "expected a number"},
        {"a zero volume to mix", {"mix", "--have", "salt,water", "--volume", "0L"}, "--volume"},
        {"a tolerance of 150%",
         {"mix", "--have", "salt,water", "--tolerance", "150%"},
         "--tolerance '150%'"},
        {"an unknown target to mix for",
         {"mix", "--have", "salt,water", "--target", "who-3000"},
         "unknown target 'who-3000'"},
        {"an absurd density",
         {"--recipes", "@absurd-density", "list", "ingredients"},
         "density: expected 0.7 to 2 g/mL"},
    };
}

std::vector<std::string> resolve(const HostileFiles& files, const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const auto& a : args)
        out.push_back(a.rfind('@', 0) == 0 ? files.path(a.substr(1)) : a);
    return out;
}

std::vector<std::string> directory_listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

void check_refused(const HostileCase& c, const RunResult& r) {
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("orscalc: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(c.message) != std::string::npos);
}

} // namespace

TEST_CASE("hostile input: exit 2, one error line, no stdout, --output untouched") {
    // The child may exit before reading all of a large standard input.
    std::signal(SIGPIPE, SIG_IGN);
    HostileFiles files;
    const std::string answer = files.path("answer.txt");
    const auto listing = directory_listing(files.dir());
    const auto cases = hostile_cases();
    for (const auto& c : cases) {
        INFO("case: " << c.what);
        auto args = resolve(files, c.args);
        check_refused(c, run_orscalc(args, c.stdin_text));
        args.insert(args.begin(), {"--output", answer});
        check_refused(c, run_orscalc(args, c.stdin_text));
        CHECK(read_file(answer) == HostileFiles::original_output());
        CHECK(directory_listing(files.dir()) == listing);
    }
    MESSAGE("hostile cases: " << cases.size());
    CHECK(cases.size() >= 50);
}

TEST_CASE("hostile input: --output naming a directory is refused before anything is written") {
    HostileFiles files;
    RunResult r = run_orscalc({"--output", files.path(""), "list", "targets"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("is a directory") != std::string::npos);
}
