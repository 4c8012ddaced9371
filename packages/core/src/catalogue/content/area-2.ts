import type { Area } from '../types.ts';
import { commitment4, commitment5, commitment6, commitment7, commitment8, commitment9 } from './commitments.ts';
import {
  BY_SECTOR,
  BY_SETTING,
  BY_SEX,
  expertRating,
  HOURS_PER_WEEK_RANGE,
  NON_NEGATIVE,
  PERCENT_RANGE,
} from './shared.ts';

/*
 * Area 2 — the columns: the major building blocks of a learning city.
 * Text verbatim from seed 001, section "2. List of key features and measurement".
 *
 * Extraction oddities in this part of the table, and what we did:
 * - 2.1.1a reads "(ISCED o)": a letter o for the digit 0; written "(ISCED 0)". Its breakdown is
 *   Boys / Girls / Total, stored as the usual male / female / total.
 * - 2.1.2's title says "education from primary to tertiary level" where Beijing commitment 4 says "formal
 *   education"; the table's wording is kept.
 * - 2.1.4's two expert measurements share one table cell; split in their order.
 * - 2.2.1a and 2.2.3a have an empty unit cell; the definitions give per 100,000 inhabitants and a count.
 * - 2.2.2a (participation in community learning, "on a regular basis") claims "Official data provided by city
 *   authorities" although it describes individual participation, which usually takes a survey; kept as
 *   'official' because that is what the seed says.
 * - 2.3.4a is named "Youth involvement in education and employment" but measures the share of youth NOT in
 *   education, employment or training (NEET), so lower is better.
 * - Feature 2.4.2 lost its code and title in the extraction (its three measurements follow 2.4.1's with no
 *   feature cell); reconstructed and marked below. Its measurement rows themselves are complete.
 * - 2.4.2a is defined over people (not subscriptions), so it cannot exceed 100 %.
 * - 2.4.2c's unit cell reads "hours"; the definition makes it hours per week.
 * - 2.5.3a is named "Availability of appropriately trained teachers/educators" but defined as the ratio of
 *   learners to teachers, not the share of trained teachers; we follow the definition (a ratio, lower is
 *   better) and link it to SDG 4.c, the teacher target.
 * - 2.6.2a has an empty unit cell; the definition says "Percentage".
 */

export const area2: Area = {
  id: '2',
  role: 'columns',
  title: 'Major building blocks of a learning city',
  focusAreas: [
    {
      id: '2.1',
      areaId: '2',
      title: 'Promoting inclusive learning in the education system',
      commitment: commitment4,
      features: [
        {
          code: '2.1.1',
          focusAreaId: '2.1',
          title: 'Expanding access to early childhood care and education',
          measurements: [
            {
              id: '2.1.1a',
              featureCode: '2.1.1',
              name: 'Enrolment in pre-primary education',
              definition: 'Net enrolment rate in pre-primary education (ISCED 0)',
              source: 'official',
              unit: 'percent',
              breakdowns: [BY_SEX],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: ['4.2'],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '2.1.2',
          focusAreaId: '2.1',
          title: 'Expanding access to education from primary to tertiary level',
          measurements: [
            {
              id: '2.1.2a',
              featureCode: '2.1.2',
              name: 'Mean years of schooling',
              definition: 'Average number of years of formal schooling received by people aged 25 and older',
              source: 'official',
              unit: 'years',
              breakdowns: [BY_SEX],
              polarity: 'higher-better',
              range: NON_NEGATIVE,
              sdgTargets: [],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '2.1.3',
          focusAreaId: '2.1',
          title:
            'Expanding access to and participation in adult education and technical and vocational education and training',
          measurements: [
            {
              id: '2.1.3a',
              featureCode: '2.1.3',
              name: 'Participation in adult learning and education',
              definition:
                'Percentage of citizens aged 25–64 that reported receiving education/training in the 12 months preceding the survey',
              source: 'survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: ['4.3'],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '2.1.4',
          focusAreaId: '2.1',
          title: 'Providing support for marginalized groups, including migrant families, to ensure access to education',
          measurements: [
            expertRating(
              '2.1.4a',
              '2.1.4',
              'Support for disadvantaged groups',
              'Measures adopted by the city authorities to support learners from linguistic/ethnic minorities and disadvantaged backgrounds',
              { sdgTargets: ['4.5'], mexicoDirections: [6] },
            ),
            expertRating(
              '2.1.4b',
              '2.1.4',
              'Support for senior citizens',
              'Measures adopted by the city authorities to support senior-citizen learners (aged 65 years and older)',
            ),
          ],
        },
      ],
    },
    {
      id: '2.2',
      areaId: '2',
      title: 'Revitalizing learning in families and communities',
      commitment: commitment5,
      features: [
        {
          code: '2.2.1',
          focusAreaId: '2.2',
          title:
            'Establishing community-based learning spaces and providing resources for learning in families and communities',
          measurements: [
            {
              id: '2.2.1a',
              featureCode: '2.2.1',
              name: 'Infrastructure',
              definition:
                'Number of functional community-based learning spaces (including community learning centres, cultural houses and public libraries) per 100,000 inhabitants',
              source: 'official',
              unit: 'per-100k',
              breakdowns: [],
              polarity: 'higher-better',
              range: NON_NEGATIVE,
              sdgTargets: [],
              mexicoDirections: [],
            },
            expertRating(
              '2.2.1b',
              '2.2.1',
              'Policy initiative for supporting learning in families',
              'Availability of policy to support learning in families',
            ),
          ],
        },
        {
          code: '2.2.2',
          focusAreaId: '2.2',
          title: 'Motivating people to participate in family and community learning',
          measurements: [
            {
              // The seed says official data although this describes individual participation (see above).
              id: '2.2.2a',
              featureCode: '2.2.2',
              name: 'Participation in community learning',
              definition:
                'Percentage of citizens participating in community learning activities on a regular basis (not less than 2 hours per week)',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [],
            },
            {
              id: '2.2.2b',
              featureCode: '2.2.2',
              name: 'Participation in family learning',
              definition:
                'Percentage of citizens engaging in learning activities in their families in the 12 months preceding the survey',
              source: 'survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '2.2.3',
          focusAreaId: '2.2',
          title:
            'Recognizing community history and culture, and indigenous ways of knowing and learning as unique and precious resources',
          measurements: [
            {
              id: '2.2.3a',
              featureCode: '2.2.3',
              name: 'Development of learning resources through indigenous knowledge',
              definition:
                'Number of learning programmes based on community history, culture and indigenous knowledge developed by the city authorities',
              source: 'official',
              unit: 'count',
              breakdowns: [],
              polarity: 'higher-better',
              range: NON_NEGATIVE,
              sdgTargets: [],
              mexicoDirections: [6],
            },
          ],
        },
      ],
    },
    {
      id: '2.3',
      areaId: '2',
      title: 'Facilitating learning for and in the workplace',
      commitment: commitment6,
      features: [
        {
          code: '2.3.1',
          focusAreaId: '2.3',
          title:
            'Ensuring that all members of the workforce, including migrant workers, have access to a broad array of learning opportunities',
          measurements: [
            {
              id: '2.3.1a',
              featureCode: '2.3.1',
              name: "Employees' participation in education and training",
              definition: "Employed people's participation rate in job-related education and training",
              source: 'official-or-survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: ['4.3'],
              mexicoDirections: [5],
            },
            expertRating(
              '2.3.1b',
              '2.3.1',
              "Migrant workers' participation in education and training",
              "Existence of initiatives or strategies adopted by city to support migrant workers' participation in education and training",
              { mexicoDirections: [9] },
            ),
          ],
        },
        {
          code: '2.3.2',
          focusAreaId: '2.3',
          title: 'Helping public and private organizations to become learning organizations',
          measurements: [
            expertRating(
              '2.3.2a',
              '2.3.2',
              'Learning organizations',
              "Existence of initiatives or strategies to develop learning organizations that encourage employees' participation in learning",
            ),
          ],
        },
        {
          code: '2.3.3',
          focusAreaId: '2.3',
          title: 'Encouraging employers and trade unions to support workplace learning',
          measurements: [
            {
              id: '2.3.3a',
              featureCode: '2.3.3',
              name: "Employers' financial commitment to skill development",
              definition:
                "Total investment in employees' education and training as a percentage of the employees' payroll in both the public and private sectors",
              source: 'official',
              unit: 'percent',
              breakdowns: [BY_SECTOR],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '2.3.4',
          focusAreaId: '2.3',
          title: 'Providing appropriate learning opportunities for unemployed youth and adults',
          measurements: [
            {
              // A NEET rate despite its name (see above): lower is better.
              id: '2.3.4a',
              featureCode: '2.3.4',
              name: 'Youth involvement in education and employment',
              definition:
                'Total number of youth (aged 15–24) not in education, employment or training as a percentage of the total youth population',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'lower-better',
              range: PERCENT_RANGE,
              sdgTargets: ['8.6'],
              mexicoDirections: [5, 8],
            },
            {
              id: '2.3.4b',
              featureCode: '2.3.4',
              name: 'Training for the unemployed',
              definition:
                'Percentage of the unemployed enrolled in various employment training programmes offered in the city',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [5],
            },
          ],
        },
      ],
    },
    {
      id: '2.4',
      areaId: '2',
      title: 'Extending the use of modern learning technologies',
      commitment: commitment7,
      features: [
        {
          code: '2.4.1',
          focusAreaId: '2.4',
          title: 'Training administrators, teachers and educators to use technologies that enhance learning',
          measurements: [
            {
              id: '2.4.1a',
              featureCode: '2.4.1',
              name: 'ICT Training for administrators, teachers and educators',
              definition:
                'Percentage of teachers/educators who have received ICT training in the 12 months preceding the survey',
              source: 'survey',
              unit: 'percent',
              breakdowns: [BY_SETTING],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [5],
            },
            {
              id: '2.4.1b',
              featureCode: '2.4.1',
              name: 'Use of ICT for class activities',
              definition:
                'Percentage of teachers/educators who use ICT on a regular basis for class activities in schools and community learning spaces',
              source: 'survey',
              unit: 'percent',
              breakdowns: [BY_SETTING],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [5],
            },
          ],
        },
        {
          code: '2.4.2',
          focusAreaId: '2.4',
          title: "Expanding citizens' access to ICT tools and learning programmes",
          reconstruction: {
            reconstructed: true,
            note: "The seed extraction lost this feature's code and title: its three measurements (mobile penetration, internet usage, learning through the internet) follow those of 2.4.1 without a feature cell. Code 2.4.2 follows from their position; the title is Beijing commitment 7's third action, \"expanding citizens' access to ICT tools and learning programmes\", which these measurements measure and which no other feature of focus area 2.4 covers.",
          },
          measurements: [
            {
              id: '2.4.2a',
              featureCode: '2.4.2',
              name: 'Mobile penetration rate',
              definition:
                'Total number of people with mobile phone connections as a percentage of the total population',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: ['9.c'],
              mexicoDirections: [5],
            },
            {
              id: '2.4.2b',
              featureCode: '2.4.2',
              name: 'Internet usage',
              definition: 'Percentage of citizens with household or shared access to the internet',
              source: 'survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: ['17.8'],
              mexicoDirections: [5],
            },
            {
              id: '2.4.2c',
              featureCode: '2.4.2',
              name: 'Participation in learning through the internet',
              definition: 'Average number of hours per week that citizens use the internet for learning purposes',
              source: 'survey',
              unit: 'hours-per-week',
              breakdowns: [],
              polarity: 'higher-better',
              range: HOURS_PER_WEEK_RANGE,
              sdgTargets: [],
              mexicoDirections: [5],
            },
          ],
        },
      ],
    },
    {
      id: '2.5',
      areaId: '2',
      title: 'Enhancing quality in learning',
      commitment: commitment8,
      features: [
        {
          code: '2.5.1',
          focusAreaId: '2.5',
          title: 'Promoting a paradigm shift in education and learning',
          measurements: [
            expertRating(
              '2.5.1a',
              '2.5.1',
              'Paradigm shift in education and learning',
              'Education policy to promote a paradigm shift from teaching to learning, and from the mere acquisition of information to the development of creativity and learning skills',
            ),
          ],
        },
        {
          code: '2.5.2',
          focusAreaId: '2.5',
          title:
            'Raising awareness of shared moral, ethical and cultural values, and promoting tolerance of differences',
          measurements: [
            {
              id: '2.5.2a',
              featureCode: '2.5.2',
              name: 'Learning to live together',
              definition: 'Percentage of citizens who socialized with people from other cultures on a regular basis',
              source: 'survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [9],
            },
          ],
        },
        {
          code: '2.5.3',
          focusAreaId: '2.5',
          title: 'Employing appropriately trained administrators, teachers and educators',
          measurements: [
            {
              // A learner–teacher ratio despite its name (see above): fewer learners per teacher is better.
              id: '2.5.3a',
              featureCode: '2.5.3',
              name: 'Availability of appropriately trained teachers/educators',
              definition:
                'Ratio of students/learners to teachers/educators in pre-primary, primary, secondary, and adult and continuing education',
              source: 'official',
              unit: 'ratio',
              breakdowns: [
                { dimension: 'level', categories: ['pre-primary', 'primary', 'secondary', 'adult-continuing'] },
              ],
              polarity: 'lower-better',
              range: NON_NEGATIVE,
              sdgTargets: ['4.c'],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '2.5.4',
          focusAreaId: '2.5',
          title: 'Fostering a learner-friendly environment',
          measurements: [
            {
              id: '2.5.4a',
              featureCode: '2.5.4',
              name: 'Learner-friendly environment',
              definition: 'Percentage of learners satisfied with their learning environment',
              source: 'survey',
              unit: 'percent',
              breakdowns: [BY_SETTING],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [],
            },
          ],
        },
      ],
    },
    {
      id: '2.6',
      areaId: '2',
      title: 'Fostering a culture of learning throughout life',
      commitment: commitment9,
      features: [
        {
          code: '2.6.1',
          focusAreaId: '2.6',
          title: 'Organizing and supporting public events that encourage and celebrate learning',
          measurements: [
            expertRating(
              '2.6.1a',
              '2.6.1',
              'Advocacy for learning',
              'Existence of public activities (adult learning week and learning festivals) and use of all media to promote and celebrate learning',
            ),
          ],
        },
        {
          code: '2.6.2',
          focusAreaId: '2.6',
          title:
            'Providing adequate information, guidance and support to all citizens, and stimulating them to learn through diverse pathways',
          measurements: [
            {
              id: '2.6.2a',
              featureCode: '2.6.2',
              name: 'Information and services',
              definition:
                'Percentage of learners satisfied with the provision of information and counselling to learners',
              source: 'survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '2.6.3',
          focusAreaId: '2.6',
          title: 'Developing systems that recognize and reward all forms of learning',
          measurements: [
            expertRating(
              '2.6.3a',
              '2.6.3',
              'Recognition and reward of learning outcomes',
              'Availability of policy and practice of recognizing, validating and accrediting all learning outcomes',
            ),
          ],
        },
      ],
    },
  ],
};
