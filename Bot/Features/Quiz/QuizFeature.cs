using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TalkBot.Bot.Features.Quiz;

/// <summary>The 廉政常识测试 before a routine talk (000 §三): section <c>Quiz</c>.</summary>
public static class QuizFeature
{
    public static IServiceCollection AddQuiz(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new QuizOptions();
        configuration.GetSection(QuizOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton(_ => options.Load(AppContext.BaseDirectory));
        services.AddSingleton<QuizStore>();
        services.AddSingleton<TalkeeNoticeCard>();
        services.AddFollowUp<QuizSubmitted, QuizNews>("QuizSubmitted.Talkers");
        services.AddTable(Tab.TalkLedgerTables.LiveTable);
        services.TryAddSingleton<Tab.TalkLedgerTables>();
        services.TryAddSingleton<Tab.TalkeeRows>();
        services.AddFollowUp<QuizSubmitted, Tab.QuizLedger>("QuizSubmitted.Ledger");
        services.AddFollowUp<RetakeAllowed, QuizNews>("RetakeAllowed.Talkee");
        return services.AddHandler<StartQuiz>().AddHandler<SubmitQuiz>().AddHandler<AllowRetake>();
    }
}
