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

catalog! {
    /// API tokens of an organisation and the API reference page.
    Api {
        TokensTitle => "Jetons d’accès à l’API", "API access tokens";
        TokensLead => "Vos systèmes d’information lisent et écrivent vos données par l’API avec un jeton. Chaque jeton a un nom, une portée, et peut être révoqué.", "Your information systems read and write your records through the API with a token. Each token has a name and a scope, and can be revoked.";
        TokenName => "Nom du jeton", "Token name";
        Scope => "Portée", "Scope";
        ScopeRead => "lecture", "read";
        ScopeWrite => "lecture et écriture", "read and write";
        Create => "Créer le jeton", "Create the token";
        Revoke => "Révoquer", "Revoke";
        Revoked => "révoqué", "revoked";
        Created => "Créé le", "Created on";
        ShownOnce => "Copiez ce jeton maintenant : il ne sera plus jamais affiché.", "Copy this token now: it will never be shown again.";
        NoTokens => "Aucun jeton pour l’instant.", "No tokens yet.";
        ReferenceTitle => "Référence de l’API", "API reference";
        ReferenceLead => "Décrite par le document OpenAPI 3.1 généré depuis le code :", "Described by the OpenAPI 3.1 document generated from the code:";
        Auth => "Authentification : jeton d’organisation (en-tête Authorization: Bearer …) ou cookie de session du navigateur avec l’en-tête X-CSRF-Token pour les écritures. Erreurs au format application/problem+json (RFC 9457).", "Authentication: an organisation token (Authorization: Bearer … header) or the browser's session cookie with the X-CSRF-Token header for writes. Errors as application/problem+json (RFC 9457).";
        Operation => "Opération", "Operation";
        Responses => "Réponses", "Responses";
    }
}
