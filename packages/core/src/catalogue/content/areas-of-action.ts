import type { AreaOfAction } from '../types.ts';

/*
 * The six key areas of action of the Guidelines for Building Learning Cities (presented at the 2nd
 * International Conference on Learning Cities, Mexico City, 2015), verbatim from seed 002. `keyword` is the
 * one-word heading (upper case in the seed, written in sentence case here), `title` the heading sentence,
 * `intro` the sentence under it, `actions` the bullet points.
 */

export const areasOfAction: readonly AreaOfAction[] = [
  {
    number: 1,
    keyword: 'Planning',
    title: 'Develop a plan for becoming a learning city',
    intro: 'Strong political leadership and steadfast commitment should be reflected in a concrete action plan.',
    actions: [
      "Involve city leaders and representatives in identifying the main issues that need to be addressed based on the city's unique challenges and priorities.",
      'Take stock of what has already been achieved by gathering information on relevant activities implemented by different sectors and stakeholders.',
      'Develop an understanding of what building a learning city involves by organizing capacity-building workshops for various sectors and stakeholders.',
      'Devise a concrete action plan and give it a catchy title. This plan should define the medium- and long-term objectives and means of evaluation, using the Key Features of Learning Cities as a basis.',
      "Develop a city charter outlining the actions that need to be taken to improve learning in the city. These actions should be aligned with the central government's strategies for building a learning society.",
    ],
  },
  {
    number: 2,
    keyword: 'Involvement',
    title: 'Create a coordinated structure involving all stakeholders',
    intro:
      'All organizations and citizens are stakeholders in a learning city. A structure that involves all stakeholders in building the learning city through dialogue and consensus should therefore be created.',
    actions: [
      'Establish a learning city development committee comprising representatives from different sectors. This committee should reach a consensus on the principles for developing, implementing, monitoring and financing the learning city.',
      'Ensure that all stakeholders have clearly defined roles and responsibilities in designing and implementing the learning city plan.',
      'Create a learning city forum where people can contribute and share experiences.',
      'Form alliances with other cities, both nationally and internationally, in order to exchange experience, knowledge, ideas and best practice.',
      'Join the UNESCO Global Network of Learning Cities and any other networks or associations that could add value.',
      'Maintain strong contact with the ministry of education and any other related ministry to link local with national development.',
    ],
  },
  {
    number: 3,
    keyword: 'Celebration',
    title: 'Initiate and maintain the process with celebratory events',
    intro:
      'Generating enthusiasm is crucial to the success of a learning city. The more people and organizations that react positively to the idea of a learning city and engage with it, the better its chances of flourishing are.',
    actions: [
      'Organize a learning festival in places where people gather. Make this a joyful event and invite all relevant organizations to exhibit their courses, products and materials and offer hands-on activities that encourage all citizens to get involved.',
      'Hold a conference to deliver the learning city message. Invite one or more twin cities to participate and share their experience, knowledge, ideas and best practice.',
      'Invite the media to promote and celebrate learning.',
      'Renew the interest of all stakeholders in the learning city agenda by organizing regular celebratory events.',
    ],
  },
  {
    number: 4,
    keyword: 'Accessibility',
    title: 'Make sure that learning is accessible to all citizens',
    intro:
      'Learning must be made enjoyable, available and accessible to all citizens so that they are inspired and empowered to continue learning throughout life.',
    actions: [
      'Provide adequate information, guidance and support to all citizens, including maps of learning provision in the city.',
      'Establish, promote and maintain community-based learning spaces and provide resources for learning in families and communities.',
      'Identify and respond to the learning needs and interests of citizens.',
      'Develop procedures that identify, validate and accredit the learning outcomes of non-formal learning in particular.',
      'Provide special support in the form of flexible arrangements for marginalized groups, including families with migrant backgrounds, citizens with special learning needs and unemployed people.',
      'Help public and private organizations to become learning organizations.',
      'Foster a learner-friendly environment in the city and its institutions.',
    ],
  },
  {
    number: 5,
    keyword: 'Monitoring and evaluation',
    title: 'Establish a monitoring and evaluation process to ensure learning city progress',
    intro:
      'In order to assess progress made in providing lifelong learning for all in the city, it is important to monitor and evaluate performance continuously.',
    actions: [
      'Define the measures for performance and progress in the city based on your action plan and the Key Features of Learning Cities.',
      "Establish mechanisms for documenting the process, assessing citizens' interests and needs, and collecting data.",
      'Commission regular reports that capture the lessons learned and make suggestions for improvement.',
      'Establish collective strategies for informing all stakeholders and gathering feedback.',
    ],
  },
  {
    number: 6,
    keyword: 'Funding',
    title: 'Ensure sustainable funding',
    intro:
      'In order to realize the multiple benefits of becoming and sustaining a learning city, multiple sources of sustainable funding should be secured and allocated in a fair way.',
    actions: [
      'Secure sufficient financial resources to build and maintain the basic structure of the learning city action plan.',
      'Develop sustainable cost-sharing mechanisms involving multi-stakeholder partnerships with companies, foundations, philanthropists, international partners, local and national governments, and supranational organizations.',
      'Make effective use of the learning resources of all stakeholders.',
      'Conduct cost-benefit analyses in order to compile evidence of the benefits of learning.',
      'Make special provisions for marginalized groups and individuals.',
    ],
  },
];
