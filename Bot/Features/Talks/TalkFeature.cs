namespace TalkBot.Bot.Features.Talks;

/// <summary>Talks: the create-talk form, the talk with its notices in storage, and the eve-of-talk reminder.</summary>
public static class TalkFeature
{
    public static IServiceCollection AddTalks(this IServiceCollection services)
    {
        services.AddTable(TalkRows.Talks).AddTable(TalkRows.TalksByPerson).AddTable(TalkRows.NoticesByPerson);
        services.AddSingleton<TalkStore>();
        services.AddSingleton<TalkForm>();
        services.AddSingleton<TalkArranger>();
        services.AddSingleton<OrganiserView>();
        services.AddFollowUp<TalkScheduled, TalkEve>("TalkScheduled.Eve");
        services.AddFollowUp<TalkChanged, TalkEve>("TalkChanged.Eve");
        // The typeahead serves the ordinary form; a delegated talk's form lists its talkee, delegate and recorders itself.
        services.AddPeopleSearch(Datasets.Talkees, p => PersonScopes.Talkees(p)).AddPeopleSearch(Datasets.Talkers, p => PersonScopes.Talkers(p))
            .AddPeopleSearch(Datasets.Recorders, p => PersonScopes.Recorders(p));
        services.AddSearch(sp => new JointTalkerSearch(sp.GetRequiredService<PeopleDirectory>()));
        // Talkers other than the organiser hear of a routine talk when it is arranged (000 §二: the tier's assistant 配合).
        services.AddFollowUp<TalkScheduled, TalkersBriefing>("TalkScheduled.Talkers");
        return services.AddHandler<NewTalk>().AddHandler<CreateTalk>().AddHandler<TalkEve>();
    }
}
