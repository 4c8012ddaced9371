import type { Commitment } from '../types.ts';

/*
 * The twelve commitments of the Beijing Declaration on Building Learning Cities (2013), verbatim from seed
 * 000 (British spelling, as that text has it; the Key Features table in seed 001 uses American spelling, so
 * e.g. commitment 5 says "Revitalising" while focus area 2.2 says "Revitalizing").
 *
 * The commitments map one-to-one, in order, onto the twelve focus areas: their headings are the focus-area
 * titles and their bullet actions are the features' titles, nearly word for word.
 *
 * Extraction oddities kept as they are, because they are in the source text:
 * - commitment 1 reads "well-being of citizens; fostering participation" (seed 001 has a comma there);
 * - the last action of commitment 11 ends in ';' where a full stop is expected (both seeds).
 * Fixed: commitment 8's first paragraph is split by a page break in the extraction; it is joined here.
 */

/** Beijing commitment 1 ↔ focus area 1.1. */
export const commitment1: Commitment = {
  number: 1,
  title: 'Empowering individuals and promoting social cohesion',
  text: "In today's cities, individual empowerment and social cohesion are crucial to the well-being of citizens; fostering participation, trust, connectedness and civic engagement. To equip citizens to anticipate and tackle the challenges of urbanisation, cities should attach great importance to individual empowerment and social cohesion.\n\nIn developing learning cities, we support individual empowerment and social cohesion by:",
  actions: [
    'ensuring that every citizen has the opportunity to become literate and obtain basic skills;',
    'encouraging and enabling individuals to actively participate in the public life of their city;',
    'guaranteeing gender equality; and',
    'creating a safe, harmonious and inclusive community.',
  ],
};

/** Beijing commitment 2 ↔ focus area 1.2. */
export const commitment2: Commitment = {
  number: 2,
  title: 'Enhancing economic development and cultural prosperity',
  text: 'While economic development plays a fundamental role in increasing standards of living and maintaining the economic health of cities, cultural prosperity is a powerful contributor to quality of life. As a repository of knowledge, meaning and values, culture defines the way people live and interact within communities.\n\nIn developing learning cities, we will enhance economic development and cultural prosperity by:',
  actions: [
    'stimulating inclusive and sustainable economic growth;',
    'reducing the proportion of citizens living in poverty;',
    'creating employment opportunities for all citizens;',
    'actively supporting science, technology and innovation;',
    'ensuring access to diverse cultural activities; and',
    'encouraging participation in leisure and physical recreation.',
  ],
};

/** Beijing commitment 3 ↔ focus area 1.3. */
export const commitment3: Commitment = {
  number: 3,
  title: 'Promoting sustainable development',
  text: 'To ensure the future viability of communities, natural resources must be used in ways that ensure a good quality of life for future generations. Sustainable development cannot be achieved through technological solutions, political regulations or fiscal incentives alone. It requires fundamental changes in the way people think and act. Lifelong learning is a necessary part of making this change.\n\nIn developing learning cities, we will promote sustainable development by:',
  actions: [
    'reducing the negative impacts of economic and other human activities on the natural environment;',
    'protecting the natural environment and enhancing the liveability of our cities; and',
    'promoting sustainable development through active learning in all settings.',
  ],
};

/** Beijing commitment 4 ↔ focus area 2.1. */
export const commitment4: Commitment = {
  number: 4,
  title: 'Promoting inclusive learning in the education system',
  text: 'All citizens, regardless of ability, gender and sexuality, social background, language, ethnicity, religion or culture should have equal access to learning opportunities. If a person is excluded from participating in the education system, their ability to develop as individuals and contribute to their communities may be impaired.\n\nIn developing learning cities, we will promote inclusive learning in the education system by:',
  actions: [
    'expanding access to early childhood care and education;',
    'expanding access to formal education from primary to tertiary level;',
    'expanding access to and participation in adult education and technical and vocational education and training;',
    'improving the flexibility of lifelong learning systems in order to offer diverse learning opportunities and meet a range of proficiencies; and',
    'providing support for marginalized groups, including migrant families, to ensure access to education.',
  ],
};

/** Beijing commitment 5 ↔ focus area 2.2. */
export const commitment5: Commitment = {
  number: 5,
  title: 'Revitalising learning in families and communities',
  text: 'Lifelong learning is not confined to educational or business settings. It infuses the entire life of a city. In most societies, the family is an especially important setting for learning. Learning in families and local communities builds social capital and improves the quality of life.\n\nIn developing learning cities, we will revitalise learning in families and local communities by:',
  actions: [
    'establishing community-based learning spaces and providing resources for learning in families and communities;',
    'ensuring, through consultation, that community education and learning programmes respond to the needs of all citizens;',
    'motivating people to participate in family and community learning, giving special attention to vulnerable and disadvantaged groups, such as families in need, migrants, people with disabilities, minorities and third-age learners; and',
    'recognising community history and culture, and indigenous ways of knowing and learning as unique and precious resources.',
  ],
};

/** Beijing commitment 6 ↔ focus area 2.3. */
export const commitment6: Commitment = {
  number: 6,
  title: 'Facilitating learning for and in the workplace',
  text: 'Due to globalization, technological advancement and the growth of knowledge-based economies, most adults need to regularly enhance their knowledge and skills. In turn, private and public organizations need to embrace a culture of learning.\n\nIn developing learning cities, we will facilitate learning for and in the workplace by:',
  actions: [
    'helping public and private organisations to become learning organisations;',
    'ensuring that all members of the workforce, including migrant workers, have access to a broad array of learning opportunities;',
    'encouraging employers and trade unions to support workplace learning; and',
    'providing appropriate learning opportunities for unemployed youth and adults.',
  ],
};

/** Beijing commitment 7 ↔ focus area 2.4. */
export const commitment7: Commitment = {
  number: 7,
  title: 'Extending the use of modern learning technologies',
  text: 'Information and communication technologies (ICT) – particularly the Internet – have opened up new possibilities for learning and education. Modern cities must enable all citizens to use these technologies for learning and self-empowerment.\n\nIn developing learning cities, we will extend the use of modern learning technologies by:',
  actions: [
    'developing policy environments favourable to the use of ICT in learning;',
    'training administrators, teachers and educators to use technologies that enhance learning;',
    "expanding citizens' access to ICT tools and learning programmes; and",
    'developing quality e-learning resources.',
  ],
};

/** Beijing commitment 8 ↔ focus area 2.5. */
export const commitment8: Commitment = {
  number: 8,
  title: 'Enhancing quality in learning',
  text: 'It is not sufficient for lifelong learning policies and practices to focus on increasing numbers of participants. In many cities, there is a disparity between the numbers of people participating in education and learning and those who succeed in mastering relevant, portable skills and competences. Quality is, therefore, of utmost importance. In particular, there is an acute need to foster skills, values and attitudes that will enable people to overcome religious, linguistic and cultural differences, to coexist peacefully, and to discover shared human, moral and ethical principles.\n\nIn developing learning cities, we attach great importance to enhancing quality in learning by:',
  actions: [
    'promoting a paradigm shift from teaching to learning, and from the mere acquisition of information to the development of creativity and learning skills;',
    'raising awareness of shared moral, ethical and cultural values, and promoting tolerance of differences;',
    'employing appropriately trained administrators, teachers and educators;',
    'fostering a learner-friendly environment in which learners have, as far as practicable, ownership of their own learning; and',
    'providing support to learners with special needs, in particular those with learning difficulties.',
  ],
};

/** Beijing commitment 9 ↔ focus area 2.6. */
export const commitment9: Commitment = {
  number: 9,
  title: 'Fostering a culture of learning throughout life',
  text: 'Most people today experience a variety of learning environments. When the outcomes of all learning are valued, rewarded and celebrated by a city, this strengthens the position of learners in society and motivates them to learn further. This motivation should be supported by the provision of comprehensive information and advice to help people make informed learning choices.\n\nIn developing learning cities, we will foster a vibrant culture of learning throughout life by:',
  actions: [
    'recognising the role of communications media, libraries, museums, religious settings, sports and cultural centres, community centres, parks and similar places as learning spaces;',
    'organising and supporting public events that encourage and celebrate learning;',
    'providing adequate information, guidance and support to all citizens, and stimulating them to learn through diverse pathways; and',
    'acknowledging the importance of learning in informal and non-formal settings and developing systems that recognize and reward all forms of learning.',
  ],
};

/** Beijing commitment 10 ↔ focus area 3.1. */
export const commitment10: Commitment = {
  number: 10,
  title: 'Strengthening political will and commitment',
  text: 'It takes strong political will and commitment to successfully build a learning city. Politicians and administrators have primary responsibility for committing political resources to realising the vision of a learning city.\n\nIn developing learning cities, we will strengthen political will and commitment by:',
  actions: [
    'demonstrating strong political leadership and making a steadfast commitment to turning our cities into learning cities;',
    'developing and implementing well grounded and participatory strategies for promoting lifelong learning for all; and',
    'consistently monitoring progress towards becoming a learning city.',
  ],
};

/** Beijing commitment 11 ↔ focus area 3.2. */
export const commitment11: Commitment = {
  number: 11,
  title: 'Improving governance and participation of all stakeholders',
  text: 'All sectors of society have a key role to play in learning and education and should participate in building learning cities. However, stakeholders and citizens are more likely to contribute to building learning cities if decisions are made in a participatory way.\n\nIn developing learning cities, we will improve governance and participation of all stakeholders by:',
  actions: [
    'establishing inter-sectoral coordination mechanisms to involve governmental and non-governmental organisations and the private sector in building learning cities;',
    'developing bilateral or multilateral partnerships between sectors in order to share resources and increase the availability of learning opportunities; and',
    'encouraging all stakeholders to provide quality learning opportunities and to make their own unique contribution to building a learning city;',
  ],
};

/** Beijing commitment 12 ↔ focus area 3.3. */
export const commitment12: Commitment = {
  number: 12,
  title: 'Boosting resource mobilisation and utilisation',
  text: 'Cities and communities that embrace lifelong learning for all have seen significant improvements in terms of public health, economic growth, reduced criminality and increased democratic participation. These wider benefits of lifelong learning present strong arguments for increased investment in the building of learning cities.\n\nIn developing learning cities, we will boost resource mobilisation and utilisation by:',
  actions: [
    'encouraging greater financial investment in lifelong learning by government, civil society, private sector organisations and individuals;',
    'making effective use of the learning resources of all stakeholders and developing innovative funding mechanisms to support lifelong learning for all;',
    'removing structural barriers to learning, adopting pro-poor funding policies and providing various types of support to disadvantaged groups;',
    'encouraging citizens to contribute their talents, skills, knowledge and experience on a voluntary basis; and',
    'encouraging the exchange of ideas, experiences and best practice between organisations in different cities.',
  ],
};

/** All twelve commitments, in order (commitment n at index n − 1). */
export const commitments: readonly Commitment[] = [
  commitment1,
  commitment2,
  commitment3,
  commitment4,
  commitment5,
  commitment6,
  commitment7,
  commitment8,
  commitment9,
  commitment10,
  commitment11,
  commitment12,
];
