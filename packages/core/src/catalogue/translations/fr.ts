import type { CatalogueTranslations } from './types.ts';

/*
 * English titles chosen by the translator for keys whose English is not a ready-made title in the seeds
 * (for the lead to reconcile with the catalogue data):
 *
 * Mexico City Statement strategic directions (seed 004), short titles made from each direction's text:
 *   direction:1  Global solidarity and civic responsibility
 *   direction:2  Environmental stewardship and climate action
 *   direction:3  Health and well-being
 *   direction:4  Access to water, sanitation and energy
 *   direction:5  Learning for sustainable, inclusive economic growth
 *   direction:6  Inclusion of vulnerable groups
 *   direction:7  Cross-sectoral partnerships
 *   direction:8  Youth involvement
 *   direction:9  Ethical values and human rights
 *   direction:10 Culture and the arts
 *
 * Guidelines for Building Learning Cities, areas of action (seed 002): the sentence under each heading
 * (the one-word headings PLANNING, INVOLVEMENT, CELEBRATION, ACCESSIBILITY, MONITORING AND EVALUATION,
 * FUNDING are not part of the title):
 *   action-area:1 Develop a plan for becoming a learning city
 *   action-area:2 Create a coordinated structure involving all stakeholders
 *   action-area:3 Initiate and maintain the process with celebratory events
 *   action-area:4 Make sure that learning is accessible to all citizens
 *   action-area:5 Establish a monitoring and evaluation process to ensure learning city progress
 *   action-area:6 Ensure sustainable funding
 *
 * Feature 2.4.2 (title lost in the seed): Expanding citizens' access to ICT tools and learning programmes
 */

/** Unofficial translation of catalogue titles; English (the seeds) is authoritative. */
export const fr: CatalogueTranslations = {
  // Areas
  'area:1': 'Bénéfices plus larges de la construction d’une ville apprenante',
  'area:2': 'Principaux éléments constitutifs d’une ville apprenante',
  'area:3': 'Conditions fondamentales de la construction d’une ville apprenante',

  // Focus areas
  'focus:1.1': 'Autonomiser les individus et promouvoir la cohésion sociale',
  'focus:1.2': 'Favoriser le développement économique et la prospérité culturelle',
  'focus:1.3': 'Promouvoir le développement durable',
  'focus:2.1': 'Promouvoir un apprentissage inclusif dans le système éducatif',
  'focus:2.2': 'Raviver l’apprentissage au sein des familles et des communautés',
  'focus:2.3': 'Faciliter l’apprentissage pour l’emploi et au travail',
  'focus:2.4': 'Étendre l’usage des technologies modernes d’apprentissage',
  'focus:2.5': 'Améliorer la qualité de l’apprentissage',
  'focus:2.6': 'Favoriser une culture de l’apprentissage tout au long de la vie',
  'focus:3.1': 'Renforcer la volonté et l’engagement politiques',
  'focus:3.2': 'Améliorer la gouvernance et la participation de toutes les parties prenantes',
  'focus:3.3': 'Intensifier la mobilisation et l’utilisation des ressources',

  // Features
  'feature:1.1.1':
    'Veiller à ce que chaque citoyen ait la possibilité d’être alphabétisé et d’acquérir des compétences de base',
  'feature:1.1.2':
    'Encourager les individus à participer activement à la vie publique de leur ville et leur en donner les moyens',
  'feature:1.1.3': 'Garantir l’égalité des genres',
  'feature:1.1.4': 'Créer une communauté sûre, harmonieuse et inclusive',
  'feature:1.2.1': 'Stimuler une croissance économique inclusive et durable',
  'feature:1.2.2': 'Créer des possibilités d’emploi pour tous les citoyens',
  'feature:1.2.3': 'Soutenir activement la science, la technologie et l’innovation',
  'feature:1.2.4': 'Garantir l’accès à des activités culturelles variées',
  'feature:1.2.5': 'Encourager la participation aux loisirs et aux activités physiques récréatives',
  'feature:1.3.1':
    'Réduire les effets négatifs des activités économiques et des autres activités humaines sur l’environnement naturel',
  'feature:1.3.2': 'Améliorer la qualité de vie dans les villes',
  'feature:1.3.3': 'Promouvoir le développement durable par un apprentissage actif dans tous les contextes',
  'feature:2.1.1': 'Élargir l’accès à l’éducation et à la protection de la petite enfance',
  'feature:2.1.2': 'Élargir l’accès à l’éducation, du primaire au supérieur',
  'feature:2.1.3':
    'Élargir l’accès et la participation à l’éducation des adultes ainsi qu’à l’enseignement et à la formation techniques et professionnels',
  'feature:2.1.4':
    'Apporter un soutien aux groupes marginalisés, y compris les familles migrantes, pour garantir leur accès à l’éducation',
  'feature:2.2.1':
    'Créer des espaces d’apprentissage communautaires et fournir des ressources pour l’apprentissage au sein des familles et des communautés',
  'feature:2.2.2': 'Inciter chacun à participer à l’apprentissage familial et communautaire',
  'feature:2.2.3':
    'Reconnaître l’histoire et la culture des communautés, ainsi que les modes autochtones de connaissance et d’apprentissage, comme des ressources uniques et précieuses',
  'feature:2.3.1':
    'Veiller à ce que tous les travailleurs, y compris les travailleurs migrants, aient accès à un large éventail de possibilités d’apprentissage',
  'feature:2.3.2': 'Aider les organisations publiques et privées à devenir des organisations apprenantes',
  'feature:2.3.3': 'Encourager les employeurs et les syndicats à soutenir l’apprentissage sur le lieu de travail',
  'feature:2.3.4': 'Offrir des possibilités d’apprentissage adaptées aux jeunes et aux adultes sans emploi',
  'feature:2.4.1':
    'Former les administrateurs, les enseignants et les éducateurs à l’utilisation des technologies qui améliorent l’apprentissage',
  'feature:2.4.2': 'Élargir l’accès des citoyens aux outils des TIC et aux programmes d’apprentissage',
  'feature:2.5.1': 'Promouvoir un changement de paradigme dans l’éducation et l’apprentissage',
  'feature:2.5.2':
    'Sensibiliser aux valeurs morales, éthiques et culturelles communes et promouvoir la tolérance à l’égard des différences',
  'feature:2.5.3': 'Employer des administrateurs, des enseignants et des éducateurs dûment formés',
  'feature:2.5.4': 'Favoriser un environnement propice aux apprenants',
  'feature:2.6.1': 'Organiser et soutenir des manifestations publiques qui encouragent et célèbrent l’apprentissage',
  'feature:2.6.2':
    'Fournir à tous les citoyens une information, une orientation et un soutien adéquats, et les inciter à apprendre par des voies diverses',
  'feature:2.6.3': 'Mettre en place des systèmes qui reconnaissent et valorisent toutes les formes d’apprentissage',
  'feature:3.1.1':
    'Faire preuve d’un leadership politique fort et s’engager résolument à transformer nos villes en villes apprenantes',
  'feature:3.1.2':
    'Élaborer et mettre en œuvre des stratégies solidement fondées et participatives pour promouvoir l’apprentissage tout au long de la vie pour tous',
  'feature:3.1.3': 'Suivre les progrès accomplis pour devenir une ville apprenante',
  'feature:3.2.1':
    'Mettre en place des mécanismes de coordination intersectorielle associant les organisations gouvernementales et non gouvernementales ainsi que le secteur privé',
  'feature:3.2.2':
    'Encourager toutes les parties prenantes à offrir des possibilités d’apprentissage de qualité et à apporter leur contribution propre à la construction d’une ville apprenante',
  'feature:3.3.1': 'Encourager les pouvoirs publics à investir davantage dans l’apprentissage tout au long de la vie',
  'feature:3.3.2':
    'Utiliser efficacement les ressources d’apprentissage de toutes les parties prenantes au service de l’apprentissage tout au long de la vie pour tous',
  'feature:3.3.3':
    'Adopter des politiques de financement favorables aux pauvres et apporter diverses formes de soutien aux groupes défavorisés',
  'feature:3.3.4':
    'Encourager les citoyens et les résidents à mettre bénévolement leurs talents, leurs compétences, leurs connaissances et leur expérience au service de tous',
  'feature:3.3.5': 'Encourager l’échange d’idées, d’expériences et de bonnes pratiques entre les villes',

  // Measurements
  'measurement:1.1.1a': 'Taux d’alphabétisation des adultes',
  'measurement:1.1.2a': 'Taux de participation aux élections',
  'measurement:1.1.2b': 'Participation au bénévolat et aux activités communautaires',
  'measurement:1.1.3a': 'Égalité des genres en politique',
  'measurement:1.1.3b': 'Égalité des genres à la direction des entreprises',
  'measurement:1.1.4a': 'Niveau de criminalité',
  'measurement:1.1.4b': 'Mobilité sociale',
  'measurement:1.2.1a': 'Produit intérieur brut (PIB) par habitant',
  'measurement:1.2.1b': 'Pauvreté urbaine',
  'measurement:1.2.2a': 'Taux de chômage',
  'measurement:1.2.3a': 'Ressources humaines en science et technologie (RHST)',
  'measurement:1.2.3b': 'Dépôts de brevets',
  'measurement:1.2.4a': 'Participation aux activités culturelles',
  'measurement:1.2.5a': 'Pratique d’activités physiques et sportives',
  'measurement:1.3.1a': 'Émissions de CO2',
  'measurement:1.3.1b': 'Gestion des déchets',
  'measurement:1.3.2a': 'Conditions de logement',
  'measurement:1.3.2b': 'Transports publics',
  'measurement:1.3.3a': 'Éducation en vue du développement durable',
  'measurement:1.3.3b': 'Responsabilité environnementale',
  'measurement:2.1.1a': 'Scolarisation dans l’enseignement préprimaire',
  'measurement:2.1.2a': 'Durée moyenne de scolarisation',
  'measurement:2.1.3a': 'Participation à l’apprentissage et à l’éducation des adultes',
  'measurement:2.1.4a': 'Soutien aux groupes défavorisés',
  'measurement:2.1.4b': 'Soutien aux personnes âgées',
  'measurement:2.2.1a': 'Infrastructures',
  'measurement:2.2.1b': 'Initiatives publiques de soutien à l’apprentissage au sein des familles',
  'measurement:2.2.2a': 'Participation à l’apprentissage communautaire',
  'measurement:2.2.2b': 'Participation à l’apprentissage familial',
  'measurement:2.2.3a': 'Élaboration de ressources d’apprentissage fondées sur les savoirs autochtones',
  'measurement:2.3.1a': 'Participation des salariés à l’éducation et à la formation',
  'measurement:2.3.1b': 'Participation des travailleurs migrants à l’éducation et à la formation',
  'measurement:2.3.2a': 'Organisations apprenantes',
  'measurement:2.3.3a': 'Engagement financier des employeurs en faveur du développement des compétences',
  'measurement:2.3.4a': 'Participation des jeunes à l’éducation et à l’emploi',
  'measurement:2.3.4b': 'Formation des chômeurs',
  'measurement:2.4.1a': 'Formation aux TIC des administrateurs, des enseignants et des éducateurs',
  'measurement:2.4.1b': 'Utilisation des TIC dans les activités de classe',
  'measurement:2.4.2a': 'Taux de pénétration de la téléphonie mobile',
  'measurement:2.4.2b': 'Utilisation d’Internet',
  'measurement:2.4.2c': 'Participation à l’apprentissage en ligne',
  'measurement:2.5.1a': 'Changement de paradigme dans l’éducation et l’apprentissage',
  'measurement:2.5.2a': 'Apprendre à vivre ensemble',
  'measurement:2.5.3a': 'Disponibilité d’enseignants et d’éducateurs dûment formés',
  'measurement:2.5.4a': 'Environnement propice aux apprenants',
  'measurement:2.6.1a': 'Plaidoyer en faveur de l’apprentissage',
  'measurement:2.6.2a': 'Information et services',
  'measurement:2.6.3a': 'Reconnaissance et valorisation des acquis de l’apprentissage',
  'measurement:3.1.1a': 'Leadership',
  'measurement:3.1.2a': 'Politiques publiques et stratégie',
  'measurement:3.1.3a': 'Mesures de suivi des progrès',
  'measurement:3.2.1a': 'Mécanismes de coordination des parties prenantes',
  'measurement:3.2.2a': 'Participation des parties prenantes',
  'measurement:3.2.2b': 'Engagement du secteur privé',
  'measurement:3.3.1a': 'Investissement financier dans l’éducation et l’apprentissage',
  'measurement:3.3.1b': 'Répartition des dépenses publiques d’éducation',
  'measurement:3.3.2a': 'Utilisation efficace des ressources',
  'measurement:3.3.3a': 'Subventions aux groupes défavorisés',
  'measurement:3.3.4a': 'Contribution des citoyens à l’apprentissage de leurs concitoyens',
  'measurement:3.3.5a': 'Partenariats internationaux',

  // Strategic directions of the Mexico City Statement (English titles in the comment above)
  'direction:1': 'Solidarité mondiale et responsabilité civique',
  'direction:2': 'Responsabilité environnementale et action pour le climat',
  'direction:3': 'Santé et bien-être',
  'direction:4': 'Accès à l’eau, à l’assainissement et à l’énergie',
  'direction:5': 'Apprendre pour une croissance économique durable et inclusive',
  'direction:6': 'Inclusion des groupes vulnérables',
  'direction:7': 'Partenariats intersectoriels',
  'direction:8': 'Participation des jeunes',
  'direction:9': 'Valeurs éthiques et droits de l’homme',
  'direction:10': 'Culture et arts',

  // Areas of action of the Guidelines for Building Learning Cities
  'action-area:1': 'Élaborer un plan pour devenir une ville apprenante',
  'action-area:2': 'Créer une structure coordonnée associant toutes les parties prenantes',
  'action-area:3': 'Lancer et entretenir la dynamique par des manifestations festives',
  'action-area:4': 'Veiller à ce que l’apprentissage soit accessible à tous les citoyens',
  'action-area:5':
    'Mettre en place un processus de suivi et d’évaluation pour garantir les progrès de la ville apprenante',
  'action-area:6': 'Garantir un financement durable',

  // Rating labels
  'rating:5': 'Excellent',
  'rating:4': 'Très bien',
  'rating:3': 'Bien',
  'rating:2': 'Passable',
  'rating:1': 'Insuffisant',
};
