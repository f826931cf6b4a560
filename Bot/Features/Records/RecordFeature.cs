using Microsoft.Extensions.DependencyInjection.Extensions;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Records;

/// <summary>Talk records (000 §四(一)4, 002 §五6–7): logged, verified by the talkee, listed, and reminded when missing.</summary>
public static class RecordFeature
{
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddTable(MatterIndex.Table);
        services.TryAddSingleton<MatterIndex>();
        services.TryAddSingleton<Tab.TalkLedgerRows>();
        services.AddSingleton<RecordStore>();
        services.AddSingleton<RecordTalks>();
        services.AddSingleton<RecordQuizzes>();
        services.AddSingleton<TalkLines>();
        services.AddFollowUp<TalkScheduled, TalkLines>("TalkScheduled.Lines");
        services.AddFollowUp<TalkChanged, TalkLines>("TalkChanged.Lines");
        services.AddListing<TalkLines>(TalkLines.ListJob);
        services.AddFollowUp<TalkScheduled, RecordMissing>("TalkScheduled.RecordCheck");
        services.AddFollowUp<TalkChanged, RecordMissing>("TalkChanged.RecordCheck");
        services.AddFollowUp<RecordLogged, RecordVerification>("RecordLogged.Verification");
        services.AddFollowUp<RecordLogged, VerificationReminders>("RecordLogged.VerificationReminders");
        services.AddJob<VerificationReminders>(VerificationReminders.Job, (r, entry, ct) => r.RunAsync(entry, ct));
        services.AddFollowUp<RecordSettled, RecordSettledNews>("RecordSettled.Recorder");
        services.AddSearch(sp => new RecordPeopleSearch(Datasets.RecordTalkers, PersonScopes.RecordTalkers, sp.GetRequiredService<TalkStore>(), sp.GetRequiredService<PeopleDirectory>()));
        services.AddSearch(sp => new RecordPeopleSearch(Datasets.RecordRecorders, PersonScopes.RecordRecorders, sp.GetRequiredService<TalkStore>(), sp.GetRequiredService<PeopleDirectory>()));
        return services.AddHandler<OpenRecordForm>().AddHandler<SubmitRecord>().AddHandler<ConfirmRecord>().AddHandler<DisputeRecord>()
            .AddHandler<ShowRecord>().AddHandler<RecordTodo>().AddHandler<RecordMissing>();
    }
}
