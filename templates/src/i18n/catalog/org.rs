//! Strings of the organisation pages and the mission report.

catalog! {
    /// Organisation dashboard and form, mission reports.
    Org {
        FormTitleNew => "Enregistrer mon organisation", "Register my organisation";
        FormTitle => "Modifier mon organisation", "Edit my organisation";
        FormLead => "Un modérateur du centre vérifie chaque organisation avant que ses missions et projets soient publiés.", "A moderator of the centre verifies each organisation before its missions and projects are published.";
        CountryHint => "Code ISO à deux lettres : ML pour le Mali, FR pour la France…", "Two-letter ISO code: ML for Mali, FR for France…";
        VerificationPending => "En attente de vérification par un modérateur", "Awaiting verification by a moderator";
        Verified => "Organisation vérifiée", "Verified organisation";
        VerificationRejected => "Vérification refusée", "Verification refused";
        UnverifiedExplain => "Vous pouvez préparer vos missions et projets ; ils seront visibles et la liste des experts accessible une fois l’organisation vérifiée.", "You can prepare missions and projects; they become visible, and the experts list opens, once the organisation is verified.";
        Postings => "Nos missions et projets", "Our missions and projects";
        Posting => "Intitulé", "Title";
        StatusCol => "Statut", "Status";
        InterestsCol => "Marques d’intérêt", "Interests";
        MatchesCol => "Experts suggérés", "Suggested experts";
        Connections => "Mises en relation", "Connections";
        ReportTitle => "Compte rendu de mission", "Mission report";
        ReportLead => "Quelques lignes et quelques chiffres suffisent : ils alimentent les indicateurs du programme.", "A few lines and figures are enough: they feed the programme’s indicators.";
        WhatDone => "Ce qui a été enseigné ou réalisé", "What was taught or done";
        HowItWent => "Comment cela s’est passé", "How it went";
        Figures => "En chiffres", "In figures";
        FiguresHint => "Laissez vide ce qui ne s’applique pas.", "Leave empty what does not apply.";
        PeopleTrained => "Personnes formées", "People trained";
        CoursesDelivered => "Cours ou modules dispensés", "Courses or modules delivered";
        ThesesSupervised => "Thèses encadrées", "Theses supervised";
        MilestonesReached => "Étapes du projet atteintes", "Project milestones reached";
        SendReport => "Envoyer le compte rendu", "Send the report";
    }
}
