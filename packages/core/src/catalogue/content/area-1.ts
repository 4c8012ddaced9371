import type { Area } from '../types.ts';
import { commitment1, commitment2, commitment3 } from './commitments.ts';
import { BY_SEX, expertRating, NON_NEGATIVE, PERCENT_RANGE, RATING_RANGE } from './shared.ts';

/*
 * Area 1 — the pediment: the wider benefits of building a learning city.
 * Text verbatim from seed 001, section "2. List of key features and measurement".
 *
 * Extraction oddities in this part of the table, and what we did:
 * - 1.1.2a's unit cell reads "% (Year)": the value is a percentage; the election year belongs in the
 *   observation's source detail, not in the unit.
 * - 1.1.3b (seats held by women on the boards of the top 10 enterprises) says "Survey results" although
 *   board membership is usually administrative data; kept as the seed has it.
 * - 1.1.4a, 1.2.1a and 1.2.3b have an empty unit cell; the unit comes from the definition
 *   ("per 100,000 inhabitants", "adjusted for purchasing power parity in US$").
 * - 1.2.1b ("Urban poverty") is shifted one column to the left in the extraction; by its position it is the
 *   second measurement of 1.2.1.
 * - The extraction escapes the dollar sign ("US\$", "US \$1.25"); written here as "US$" and "US$1.25".
 * - 1.2.4a's unit cell reads "No. of visits"; the definition makes it visits per inhabitant per month.
 * - "CO2" lost its subscript in the extraction; kept as plain "CO2".
 */

export const area1: Area = {
  id: '1',
  role: 'pediment',
  title: 'Wider benefits of building a learning city',
  focusAreas: [
    {
      id: '1.1',
      areaId: '1',
      title: 'Empowering individuals and promoting social cohesion',
      commitment: commitment1,
      features: [
        {
          code: '1.1.1',
          focusAreaId: '1.1',
          title: 'Ensuring that every citizen has the opportunity to become literate and obtain basic skills',
          measurements: [
            {
              id: '1.1.1a',
              featureCode: '1.1.1',
              name: 'Adult literacy rate',
              definition:
                'Total number of literate persons aged 15 and above, expressed as a percentage of the total population of that age group',
              source: 'official',
              unit: 'percent',
              breakdowns: [BY_SEX],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: ['4.6'],
              mexicoDirections: [6],
            },
          ],
        },
        {
          code: '1.1.2',
          focusAreaId: '1.1',
          title: 'Encouraging and enabling individuals to actively participate in the public life of their city',
          measurements: [
            {
              id: '1.1.2a',
              featureCode: '1.1.2',
              name: 'Participation rate in election',
              definition:
                'Participation rate of population of eligible age in the most recent major election in the city',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [1],
            },
            {
              id: '1.1.2b',
              featureCode: '1.1.2',
              name: 'Participation in volunteering and community activities',
              definition:
                'Percentage of citizens involved in unpaid volunteering and community activities in the 12 months preceding the survey',
              source: 'survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [1],
            },
          ],
        },
        {
          code: '1.1.3',
          focusAreaId: '1.1',
          title: 'Guaranteeing gender equality',
          measurements: [
            {
              // Parity is the aim; in practice women hold far fewer than half the seats, so more is better.
              id: '1.1.3a',
              featureCode: '1.1.3',
              name: 'Gender equality in politics',
              definition: 'Percentage of seats held by women in city council/congress',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: ['5.5'],
              mexicoDirections: [6],
            },
            {
              id: '1.1.3b',
              featureCode: '1.1.3',
              name: 'Gender equality in business management',
              definition: 'Percentage of seats held by women in boards of top 10 enterprises',
              source: 'survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: ['5.5'],
              mexicoDirections: [6],
            },
          ],
        },
        {
          code: '1.1.4',
          focusAreaId: '1.1',
          title: 'Creating a safe, harmonious and inclusive community',
          measurements: [
            {
              id: '1.1.4a',
              featureCode: '1.1.4',
              name: 'Crime level',
              definition: 'Number of recorded crimes per 100,000 inhabitants',
              source: 'official',
              unit: 'per-100k',
              breakdowns: [],
              polarity: 'lower-better',
              range: NON_NEGATIVE,
              sdgTargets: [],
              mexicoDirections: [1],
            },
            {
              id: '1.1.4b',
              featureCode: '1.1.4',
              name: 'Social mobility',
              definition:
                'Percentage of citizens with disadvantaged social background who believe that their children will enjoy higher social status than themselves',
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
      ],
    },
    {
      id: '1.2',
      areaId: '1',
      title: 'Enhancing economic development and cultural prosperity',
      commitment: commitment2,
      features: [
        {
          code: '1.2.1',
          focusAreaId: '1.2',
          title: 'Stimulating inclusive and sustainable economic growth',
          measurements: [
            {
              id: '1.2.1a',
              featureCode: '1.2.1',
              name: 'Gross Domestic Product (GDP) per capita',
              definition:
                'Total value produced (adjusted for purchasing power parity in US$) within a city divided by the total number of inhabitants',
              source: 'official',
              unit: 'usd-ppp',
              breakdowns: [],
              polarity: 'higher-better',
              range: NON_NEGATIVE,
              sdgTargets: ['8.1'],
              mexicoDirections: [5],
            },
            {
              id: '1.2.1b',
              featureCode: '1.2.1',
              name: 'Urban poverty',
              definition: 'Percentage of citizens living below US$1.25 a day (PPP) at 2005 international prices',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'lower-better',
              range: PERCENT_RANGE,
              sdgTargets: ['1.1'],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '1.2.2',
          focusAreaId: '1.2',
          title: 'Creating employment opportunities for all citizens',
          measurements: [
            {
              id: '1.2.2a',
              featureCode: '1.2.2',
              name: 'Unemployment rate',
              definition:
                'Unemployed working age population (15 years or older) as a percentage of the total labour force',
              source: 'official',
              unit: 'percent',
              breakdowns: [BY_SEX],
              polarity: 'lower-better',
              range: PERCENT_RANGE,
              sdgTargets: ['8.5'],
              mexicoDirections: [5],
            },
          ],
        },
        {
          code: '1.2.3',
          focusAreaId: '1.2',
          title: 'Actively supporting science, technology and innovation',
          measurements: [
            {
              id: '1.2.3a',
              featureCode: '1.2.3',
              name: 'Human resources in science and technology (HRST)',
              definition:
                'Professionals working in a science and technology occupation as a percentage of total employment',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: ['9.5'],
              mexicoDirections: [],
            },
            {
              id: '1.2.3b',
              featureCode: '1.2.3',
              name: 'Patent filing',
              definition: 'Number of new patents per 100,000 inhabitants',
              source: 'official',
              unit: 'per-100k',
              breakdowns: [],
              polarity: 'higher-better',
              range: NON_NEGATIVE,
              sdgTargets: [],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '1.2.4',
          focusAreaId: '1.2',
          title: 'Ensuring access to diverse cultural activities',
          measurements: [
            {
              id: '1.2.4a',
              featureCode: '1.2.4',
              name: 'Participation in cultural activities',
              definition:
                'Number of visits to museums, theatres, cinemas, concert halls and sporting events per inhabitant per month',
              source: 'official-or-survey',
              unit: 'visits-per-month',
              breakdowns: [],
              polarity: 'higher-better',
              range: NON_NEGATIVE,
              sdgTargets: [],
              mexicoDirections: [10],
            },
          ],
        },
        {
          code: '1.2.5',
          focusAreaId: '1.2',
          title: 'Encouraging participation in leisure and physical recreation',
          measurements: [
            {
              id: '1.2.5a',
              featureCode: '1.2.5',
              name: 'Participation in physical exercise and sports',
              definition:
                'Percentage of population participating in physical exercise or sports no less than five times a week',
              source: 'survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [3],
            },
          ],
        },
      ],
    },
    {
      id: '1.3',
      areaId: '1',
      title: 'Promoting sustainable development',
      commitment: commitment3,
      features: [
        {
          code: '1.3.1',
          focusAreaId: '1.3',
          title: 'Reducing the negative impacts of economic and other human activities on the natural environment',
          measurements: [
            {
              id: '1.3.1a',
              featureCode: '1.3.1',
              name: 'CO2 emissions',
              definition: 'Total CO2 emissions, in tonnes per capita',
              source: 'official',
              unit: 'tonnes-per-capita',
              breakdowns: [],
              polarity: 'lower-better',
              range: NON_NEGATIVE,
              sdgTargets: ['13.2'],
              mexicoDirections: [2],
            },
            {
              // Waste "collected and processed": more collected means better service but also more waste
              // produced, so the direction of progress is genuinely ambiguous.
              id: '1.3.1b',
              featureCode: '1.3.1',
              name: 'Waste management',
              definition: 'Total annual domestic waste collected and processed, in kg per capita per year',
              source: 'official',
              unit: 'kg-per-capita',
              breakdowns: [],
              polarity: 'none',
              range: NON_NEGATIVE,
              sdgTargets: ['11.6'],
              mexicoDirections: [2],
            },
          ],
        },
        {
          code: '1.3.2',
          focusAreaId: '1.3',
          title: 'Enhancing the liveability of cities',
          measurements: [
            {
              id: '1.3.2a',
              featureCode: '1.3.2',
              name: 'Living condition',
              definition: 'Percentage of population living in slums',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'lower-better',
              range: PERCENT_RANGE,
              sdgTargets: ['11.1'],
              mexicoDirections: [4],
            },
            {
              id: '1.3.2b',
              featureCode: '1.3.2',
              name: 'Public transportation',
              definition: "Citizens' satisfaction with the public transportation system",
              source: 'survey',
              unit: 'rating-1-5',
              breakdowns: [],
              polarity: 'higher-better',
              range: RATING_RANGE,
              sdgTargets: ['11.2'],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '1.3.3',
          focusAreaId: '1.3',
          title: 'Promoting sustainable development through active learning in all settings',
          measurements: [
            expertRating(
              '1.3.3a',
              '1.3.3',
              'Education for sustainable development',
              'Effective measures for promoting sustainable development at all levels of education',
              { sdgTargets: ['4.7'], mexicoDirections: [2] },
            ),
            {
              id: '1.3.3b',
              featureCode: '1.3.3',
              name: 'Environmental stewardship',
              definition: "Citizens' perception of their own behaviours in terms of environmental responsibility",
              source: 'survey',
              unit: 'rating-1-5',
              breakdowns: [],
              polarity: 'higher-better',
              range: RATING_RANGE,
              sdgTargets: [],
              mexicoDirections: [2],
            },
          ],
        },
      ],
    },
  ],
};
