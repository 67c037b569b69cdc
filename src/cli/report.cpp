#include "report.hpp"

#include <cmath>

namespace orscalc::cli {

double rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    double r = std::round(value * scale) / scale;
    return r == 0 ? 0.0 : r; // no "-0"
}

Report number_or_null(const std::optional<double>& value, int decimals) {
    if (!value) return nullptr;
    return rounded(*value, decimals);
}

std::string one_line(std::string text) {
    for (char& ch : text)
        if (ch == '\n' || ch == '\r') ch = ' ';
    return text;
}

std::string render(const Answer& answer, Format format) {
    switch (format) {
    case Format::json:
        return answer.report.dump(2) + "\n";
    case Format::jsonl:
        return answer.report.dump() + "\n";
    case Format::csv:
        return answer.csv ? *answer.csv : render_csv(answer);
    case Format::table:
        return render_table(answer);
    }
    return {};
}

} // namespace orscalc::cli
