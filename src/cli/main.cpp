// CLI11 wiring only: parse, call the library through a command, format, write, exit code.
#include "commands.hpp"
#include "output.hpp"

#include <fmt/format.h>
#include <iostream>

namespace cli = orscalc::cli;

namespace {

int fail(cli::ExitCode code, const std::string& message) {
    std::cerr << cli::one_line("orscalc: error: " + message) << '\n';
    return static_cast<int>(code);
}

// The first word that is neither an option, an option's value, nor a command: CLI11 only says
// "A subcommand is required" for a misspelt command.
std::string unknown_command(const CLI::App& app, int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string word = argv[i];
        if (word.rfind('-', 0) == 0) {
            bool takes_value = word == "--format" || word == "-f" || word == "--output" ||
                               word == "-o" || word == "--recipes";
            i += takes_value ? 1 : 0;
            continue;
        }
        for (const auto* sub : app.get_subcommands({}))
            if (sub->get_name() == word) return {};
        return word;
    }
    return {};
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
    cli::register_mix(app, context, commands);
    cli::register_list(app, context, commands);
    cli::register_plan(app, context, commands);

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
        if (std::string command = unknown_command(app, argc, argv); !command.empty())
            return fail(cli::ExitCode::bad_input,
                        fmt::format("unknown command '{}' (commands: check, list, mix, plan, show)",
                                    command));
        return fail(cli::ExitCode::bad_input, e.what());
    }
    for (const auto& command : commands) {
        if (!command.app->parsed()) continue;
        cli::Answer answer = command.run();
        if (answer.streamed) return static_cast<int>(answer.exit_code);
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

// The whole command line as a function, so the fuzzer and its regression test can call it
// in-process (fuzz/fuzz_cli.cpp); the binary's main is built unless ORSCALC_NO_MAIN.
int orscalc_cli_main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const orscalc::InputError& e) {
        return fail(cli::ExitCode::bad_input, e.what());
    } catch (const std::exception& e) {
        return fail(cli::ExitCode::internal, fmt::format("internal error (a bug): {}", e.what()));
    }
}

#ifndef ORSCALC_NO_MAIN
int main(int argc, char** argv) {
    return orscalc_cli_main(argc, argv);
}
#endif
