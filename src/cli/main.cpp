// CLI11 wiring only: parse, call the library through a command, format, write, exit code.
#include "commands.hpp"
#include "output.hpp"

#include <fmt/format.h>
#include <iostream>

namespace cli = orscalc::cli;

namespace {

int fail(cli::ExitCode code, const std::string& message) {
    std::string line = "orscalc: error: " + message;
    // One line: a message never spans lines, whatever the input held.
    for (char& ch : line)
        if (ch == '\n' || ch == '\r') ch = ' ';
    std::cerr << line << '\n';
    return static_cast<int>(code);
}

int run(int argc, char** argv) {
    CLI::App app{"orscalc: oral rehydration calculator (plan, mix, check). " +
                 std::string(cli::disclaimer)};
    app.set_version_flag("--version", std::string("orscalc ") + ORSCALC_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    cli::Context context;
    app.add_option("--recipes", context.options.recipe_dirs,
                   "Add a recipe directory (repeatable; overrides the embedded library)");
    app.add_option("--format,-f", context.options.format, "Output: table, json, csv, jsonl")
        ->check(CLI::IsMember({"table", "json", "csv", "jsonl"}));
    app.add_option("--output,-o", context.options.output,
                   "Write the answer to FILE (atomically: complete or untouched)");

    std::vector<cli::Command> commands;
    cli::register_check(app, context, commands);
    cli::register_list(app, context, commands);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        std::cout << app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion&) {
        std::cout << app.version() << '\n';
        return 0;
    } catch (const CLI::ParseError& e) {
        // CLI11's own codes (100-127) all mean bad usage here.
        return fail(cli::ExitCode::bad_input, e.what());
    }
    for (const auto& command : commands) {
        if (!command.app->parsed()) continue;
        cli::Answer answer = command.run();
        std::string text = cli::render(answer, context.format());
        if (context.options.output.empty())
            cli::write_stdout(text);
        else
            cli::write_atomically(context.options.output, text);
        return static_cast<int>(answer.exit_code);
    }
    return fail(cli::ExitCode::bad_input, "no command given (try --help)");
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const orscalc::InputError& e) {
        return fail(cli::ExitCode::bad_input, e.what());
    } catch (const std::exception& e) {
        return fail(cli::ExitCode::internal, fmt::format("internal error (a bug): {}", e.what()));
    }
}
