import type { StrategicDirection } from '../types.ts';

/*
 * The ten strategic directions for building sustainable learning cities, from the Mexico City Statement on
 * Sustainable Learning Cities (2015), seed 004. `text` is verbatim; the statement gives no titles, so
 * `title` is our own short label; the translations under 'direction:N' translate exactly these titles.
 */

export const strategicDirections: readonly StrategicDirection[] = [
  {
    number: 1,
    title: 'Global solidarity and civic responsibility',
    text: 'Ensure that the development of education and lifelong learning promotes a sense of global solidarity as well as individual and societal responsibility. This involves encouraging citizens to contribute to social integration by taking action to make their communities safer, more resilient and more inclusive. It also involves increasing civic engagement, empowering people to participate in decision-making and holding responsible stakeholders accountable for their commitments and actions.',
  },
  {
    number: 2,
    title: 'Environmental stewardship and climate action',
    text: 'Implement lifelong learning strategies that foster environmental stewardship by motivating citizens to protect the natural environment, combat climate change and adopt sustainable patterns of production and consumption.',
  },
  {
    number: 3,
    title: 'Health and well-being',
    text: "Offer innovative, diverse and flexible education and lifelong learning opportunities that enhance citizens' knowledge and understanding of health issues, thereby empowering them to take better control of their health conditions and develop caring and supportive attitudes towards others. In addition, ensure that structural and environmental conditions are in place that make a positive contribution to the health and well-being of citizens.",
  },
  {
    number: 4,
    title: 'Access to water, sanitation and energy',
    text: 'Ensure that citizens have adequate access to public utilities such as clean water, sanitation and energy, as these are prerequisites for participating in education and lifelong learning.',
  },
  {
    number: 5,
    title: 'Learning for sustainable, inclusive economic growth',
    text: 'Enable all citizens to benefit from and drive sustainable, inclusive economic growth by providing them with accessible and affordable education and lifelong learning opportunities. These should make effective use of ICTs and other modern learning technologies in order to develop the knowledge, skills, values and attitudes that citizens need to find productive and fulfilling work and participate fully in society.',
  },
  {
    number: 6,
    title: 'Inclusion of vulnerable groups',
    text: 'Involve all citizens, especially vulnerable people such as indigenous groups, women, persons with disabilities, refugees and displaced people, and place them at the heart of learning city initiatives. Foster social, economic and political inclusion by ensuring that all citizens, irrespective of age, sexual orientation or economic, cultural, religious or ethnic background, acquire the literacy and basic skills they need to assert their rights.',
  },
  {
    number: 7,
    title: 'Cross-sectoral partnerships',
    text: 'Reach out to different sectors, including health, education, arts and culture, sports and recreation, transport, social welfare, urban planning, housing and tourism, and build partnerships between governments, the private sector and civil society.',
  },
  {
    number: 8,
    title: 'Youth involvement',
    text: 'Include youth as an active and meaningful stakeholder in the creation of learning cities.',
  },
  {
    number: 9,
    title: 'Ethical values and human rights',
    text: 'Embrace and reflect – in both words and actions – fundamental ethical values such as respect for people and nature, and promote the human rights of citizens, migrants, refugees and residents of neighbouring cities alike.',
  },
  {
    number: 10,
    title: 'Culture and the arts',
    text: 'Incorporate culture and the arts as important pillars of learning cities and ensure that these engage all residents of and visitors to cities.',
  },
];
