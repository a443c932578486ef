//! Strings of the expert profile, dashboard and profile form.

catalog! {
    /// Expert profile, dashboard and form.
    Ex {
        DashboardTitle => "Mon espace expert", "My expert space";
        EditProfile => "Modifier mon profil", "Edit my profile";
        ProfileGaps => "Complétez votre profil pour recevoir de meilleures propositions :", "Complete your profile to get better suggestions:";
        Recommended => "Recommandé pour vous", "Recommended for you";
        NoRecommendations => "Aucune proposition pour l’instant. Ajoutez des compétences et des disponibilités pour en recevoir.", "No suggestions yet. Add skills and availability to receive some.";
        Why => "Pourquoi :", "Why:";
        Connections => "Mes mises en relation", "My connections";
        Contact => "Contact :", "Contact:";
        ContactHidden => "Les coordonnées sont communiquées après acceptation d’une mise en relation.", "Contact details are shared once a connection is accepted.";
        WriteReport => "Rédiger le compte rendu de mission", "Write the mission report";
        ReportSent => "Compte rendu envoyé, merci.", "Report sent, thank you.";
        Origin => "Origine", "Origin";
        CompletedMissions => "Missions accomplies", "Missions completed";
        AvailabilityUnknown => "Non précisées.", "Not given.";
        FormTitle => "Mon profil d’expert", "My expert profile";
        FormLead => "Ces informations servent à vous proposer des missions et des projets. Votre e-mail et votre téléphone ne sont jamais publics.", "This information is used to suggest missions and projects to you. Your e-mail and phone are never public.";
        HeadlineHint => "Par exemple : Maître de conférences en hydrogéologie, Université de Lyon", "For example: Senior lecturer in hydrogeology, University of Lyon";
        OnePerLine => "Une par ligne.", "One per line.";
        CountryHint => "Code ISO à deux lettres : FR, US, CI…", "Two-letter ISO code: FR, US, CI…";
        AvailabilityHint => "Périodes où vous pouvez intervenir (dates incluses). Laissez vide si vous ne savez pas.", "Periods when you can serve (inclusive). Leave empty if you do not know.";
        Period => "Période {n}", "Period {n}";
        PhoneHint => "Facultatif ; communiqué seulement après acceptation d’une mise en relation.", "Optional; shared only once a connection is accepted.";
    }
}
