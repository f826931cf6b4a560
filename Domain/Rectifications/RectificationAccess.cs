using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Rectifications;

/// <summary>Who acts on a talkee's rectification (000 §四(一)5).</summary>
public static class RectificationAccess
{
    /// <summary>
    /// 000 §四(一)5: the report goes to 同级纪检监察机关 (the discipline office of that level); the talk's talkers review it too.
    /// </summary>
    public static bool CanReview(Person person, Talk talk, Person? organiser)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(talk);
        return talk.IsTalker(person.Id) || RecordAccess.IsDisciplineOfficeOf(person, talk, organiser);
    }

    /// <summary>What the viewer may do: the talkee reports while a report is due; a reviewer reviews one that waits.</summary>
    public static RectificationStep StepFor(Person viewer, Talk talk, Rectification rectification, Person? organiser)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(rectification);
        return viewer.Id == rectification.Talkee
            ? rectification.AwaitsReport ? RectificationStep.Report : RectificationStep.None
            : CanReview(viewer, talk, organiser) && rectification.Status == RectificationStatus.Submitted ? RectificationStep.Review : RectificationStep.None;
    }
}

/// <summary>The next step a person may take on a rectification.</summary>
public enum RectificationStep
{
    None,
    Report,
    Review,
}
