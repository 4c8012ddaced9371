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
export const es: CatalogueTranslations = {
  // Areas
  'area:1': 'Beneficios más amplios de construir una ciudad del aprendizaje',
  'area:2': 'Componentes principales de una ciudad del aprendizaje',
  'area:3': 'Condiciones fundamentales para construir una ciudad del aprendizaje',

  // Focus areas
  'focus:1.1': 'Empoderar a las personas y promover la cohesión social',
  'focus:1.2': 'Impulsar el desarrollo económico y la prosperidad cultural',
  'focus:1.3': 'Promover el desarrollo sostenible',
  'focus:2.1': 'Promover el aprendizaje inclusivo en el sistema educativo',
  'focus:2.2': 'Revitalizar el aprendizaje en las familias y las comunidades',
  'focus:2.3': 'Facilitar el aprendizaje para el trabajo y en el lugar de trabajo',
  'focus:2.4': 'Ampliar el uso de las tecnologías modernas de aprendizaje',
  'focus:2.5': 'Mejorar la calidad del aprendizaje',
  'focus:2.6': 'Fomentar una cultura de aprendizaje a lo largo de toda la vida',
  'focus:3.1': 'Fortalecer la voluntad y el compromiso políticos',
  'focus:3.2': 'Mejorar la gobernanza y la participación de todas las partes interesadas',
  'focus:3.3': 'Impulsar la movilización y el aprovechamiento de los recursos',

  // Features
  'feature:1.1.1':
    'Garantizar que todos los ciudadanos tengan la oportunidad de alfabetizarse y adquirir competencias básicas',
  'feature:1.1.2': 'Alentar y capacitar a las personas para que participen activamente en la vida pública de su ciudad',
  'feature:1.1.3': 'Garantizar la igualdad de género',
  'feature:1.1.4': 'Crear una comunidad segura, armoniosa e inclusiva',
  'feature:1.2.1': 'Estimular un crecimiento económico inclusivo y sostenible',
  'feature:1.2.2': 'Crear oportunidades de empleo para todos los ciudadanos',
  'feature:1.2.3': 'Apoyar activamente la ciencia, la tecnología y la innovación',
  'feature:1.2.4': 'Garantizar el acceso a actividades culturales diversas',
  'feature:1.2.5': 'Fomentar la participación en actividades de ocio y recreación física',
  'feature:1.3.1':
    'Reducir los efectos negativos de las actividades económicas y otras actividades humanas en el medio natural',
  'feature:1.3.2': 'Mejorar la habitabilidad de las ciudades',
  'feature:1.3.3': 'Promover el desarrollo sostenible mediante el aprendizaje activo en todos los entornos',
  'feature:2.1.1': 'Ampliar el acceso a la atención y educación de la primera infancia',
  'feature:2.1.2': 'Ampliar el acceso a la educación, desde el nivel primario hasta el terciario',
  'feature:2.1.3':
    'Ampliar el acceso y la participación en la educación de adultos y en la educación y formación técnica y profesional',
  'feature:2.1.4':
    'Brindar apoyo a los grupos marginados, incluidas las familias migrantes, para garantizar su acceso a la educación',
  'feature:2.2.1':
    'Establecer espacios de aprendizaje comunitarios y proporcionar recursos para el aprendizaje en las familias y las comunidades',
  'feature:2.2.2': 'Motivar a las personas a participar en el aprendizaje familiar y comunitario',
  'feature:2.2.3':
    'Reconocer la historia y la cultura de las comunidades, así como los modos indígenas de conocer y aprender, como recursos únicos y valiosos',
  'feature:2.3.1':
    'Garantizar que todos los trabajadores, incluidos los trabajadores migrantes, tengan acceso a una amplia gama de oportunidades de aprendizaje',
  'feature:2.3.2': 'Ayudar a las organizaciones públicas y privadas a convertirse en organizaciones que aprenden',
  'feature:2.3.3': 'Alentar a los empleadores y los sindicatos a apoyar el aprendizaje en el lugar de trabajo',
  'feature:2.3.4': 'Ofrecer oportunidades de aprendizaje adecuadas a los jóvenes y adultos desempleados',
  'feature:2.4.1':
    'Capacitar a los administradores, docentes y educadores en el uso de tecnologías que mejoren el aprendizaje',
  'feature:2.4.2': 'Ampliar el acceso de los ciudadanos a las herramientas de TIC y a los programas de aprendizaje',
  'feature:2.5.1': 'Promover un cambio de paradigma en la educación y el aprendizaje',
  'feature:2.5.2':
    'Sensibilizar sobre los valores morales, éticos y culturales compartidos y promover la tolerancia hacia las diferencias',
  'feature:2.5.3': 'Emplear a administradores, docentes y educadores debidamente capacitados',
  'feature:2.5.4': 'Fomentar un entorno propicio para los educandos',
  'feature:2.6.1': 'Organizar y apoyar eventos públicos que fomenten y celebren el aprendizaje',
  'feature:2.6.2':
    'Proporcionar información, orientación y apoyo adecuados a todos los ciudadanos y estimularlos a aprender por diversas vías',
  'feature:2.6.3': 'Desarrollar sistemas que reconozcan y recompensen todas las formas de aprendizaje',
  'feature:3.1.1':
    'Demostrar un liderazgo político sólido y asumir un compromiso firme para convertir nuestras ciudades en ciudades del aprendizaje',
  'feature:3.1.2':
    'Elaborar y aplicar estrategias bien fundamentadas y participativas para promover el aprendizaje a lo largo de toda la vida para todos',
  'feature:3.1.3': 'Dar seguimiento a los avances para convertirse en una ciudad del aprendizaje',
  'feature:3.2.1':
    'Establecer mecanismos de coordinación intersectorial que involucren a las organizaciones gubernamentales y no gubernamentales y al sector privado',
  'feature:3.2.2':
    'Alentar a todas las partes interesadas a ofrecer oportunidades de aprendizaje de calidad y a hacer su propia contribución a la construcción de una ciudad del aprendizaje',
  'feature:3.3.1': 'Fomentar una mayor inversión pública en el aprendizaje a lo largo de toda la vida',
  'feature:3.3.2':
    'Aprovechar eficazmente los recursos de aprendizaje de todas las partes interesadas para apoyar el aprendizaje a lo largo de toda la vida para todos',
  'feature:3.3.3':
    'Adoptar políticas de financiación en favor de los pobres y brindar diversos tipos de apoyo a los grupos desfavorecidos',
  'feature:3.3.4':
    'Alentar a los ciudadanos y residentes a aportar de forma voluntaria sus talentos, habilidades, conocimientos y experiencia',
  'feature:3.3.5': 'Fomentar el intercambio de ideas, experiencias y buenas prácticas entre distintas ciudades',

  // Measurements
  'measurement:1.1.1a': 'Tasa de alfabetización de adultos',
  'measurement:1.1.2a': 'Tasa de participación electoral',
  'measurement:1.1.2b': 'Participación en voluntariado y actividades comunitarias',
  'measurement:1.1.3a': 'Igualdad de género en la política',
  'measurement:1.1.3b': 'Igualdad de género en la dirección empresarial',
  'measurement:1.1.4a': 'Nivel de delincuencia',
  'measurement:1.1.4b': 'Movilidad social',
  'measurement:1.2.1a': 'Producto interno bruto (PIB) per cápita',
  'measurement:1.2.1b': 'Pobreza urbana',
  'measurement:1.2.2a': 'Tasa de desempleo',
  'measurement:1.2.3a': 'Recursos humanos en ciencia y tecnología (RHCT)',
  'measurement:1.2.3b': 'Solicitudes de patentes',
  'measurement:1.2.4a': 'Participación en actividades culturales',
  'measurement:1.2.5a': 'Práctica de ejercicio físico y deporte',
  'measurement:1.3.1a': 'Emisiones de CO2',
  'measurement:1.3.1b': 'Gestión de residuos',
  'measurement:1.3.2a': 'Condiciones de vivienda',
  'measurement:1.3.2b': 'Transporte público',
  'measurement:1.3.3a': 'Educación para el desarrollo sostenible',
  'measurement:1.3.3b': 'Responsabilidad ambiental',
  'measurement:2.1.1a': 'Matrícula en educación preprimaria',
  'measurement:2.1.2a': 'Años promedio de escolaridad',
  'measurement:2.1.3a': 'Participación en el aprendizaje y la educación de adultos',
  'measurement:2.1.4a': 'Apoyo a los grupos desfavorecidos',
  'measurement:2.1.4b': 'Apoyo a las personas mayores',
  'measurement:2.2.1a': 'Infraestructura',
  'measurement:2.2.1b': 'Iniciativas de política para apoyar el aprendizaje en las familias',
  'measurement:2.2.2a': 'Participación en el aprendizaje comunitario',
  'measurement:2.2.2b': 'Participación en el aprendizaje familiar',
  'measurement:2.2.3a': 'Desarrollo de recursos de aprendizaje a partir de los conocimientos indígenas',
  'measurement:2.3.1a': 'Participación de los empleados en la educación y la formación',
  'measurement:2.3.1b': 'Participación de los trabajadores migrantes en la educación y la formación',
  'measurement:2.3.2a': 'Organizaciones que aprenden',
  'measurement:2.3.3a': 'Compromiso financiero de los empleadores con el desarrollo de competencias',
  'measurement:2.3.4a': 'Participación de los jóvenes en la educación y el empleo',
  'measurement:2.3.4b': 'Formación para personas desempleadas',
  'measurement:2.4.1a': 'Formación en TIC para administradores, docentes y educadores',
  'measurement:2.4.1b': 'Uso de las TIC en las actividades de clase',
  'measurement:2.4.2a': 'Tasa de penetración de la telefonía móvil',
  'measurement:2.4.2b': 'Uso de internet',
  'measurement:2.4.2c': 'Participación en el aprendizaje en línea',
  'measurement:2.5.1a': 'Cambio de paradigma en la educación y el aprendizaje',
  'measurement:2.5.2a': 'Aprender a vivir juntos',
  'measurement:2.5.3a': 'Disponibilidad de docentes y educadores debidamente capacitados',
  'measurement:2.5.4a': 'Entorno propicio para los educandos',
  'measurement:2.6.1a': 'Promoción del aprendizaje',
  'measurement:2.6.2a': 'Información y servicios',
  'measurement:2.6.3a': 'Reconocimiento y recompensa de los resultados del aprendizaje',
  'measurement:3.1.1a': 'Liderazgo',
  'measurement:3.1.2a': 'Políticas públicas y estrategia',
  'measurement:3.1.3a': 'Medidas para el seguimiento de los avances',
  'measurement:3.2.1a': 'Mecanismos de coordinación de las partes interesadas',
  'measurement:3.2.2a': 'Participación de las partes interesadas',
  'measurement:3.2.2b': 'Compromiso del sector privado',
  'measurement:3.3.1a': 'Inversión financiera en educación y aprendizaje',
  'measurement:3.3.1b': 'Distribución del gasto público en educación',
  'measurement:3.3.2a': 'Uso eficaz de los recursos',
  'measurement:3.3.3a': 'Subsidios a los grupos desfavorecidos',
  'measurement:3.3.4a': 'Contribución de los ciudadanos al aprendizaje de sus conciudadanos',
  'measurement:3.3.5a': 'Alianzas internacionales',

  // Strategic directions of the Mexico City Statement (English titles in the comment above)
  'direction:1': 'Solidaridad mundial y responsabilidad cívica',
  'direction:2': 'Responsabilidad ambiental y acción climática',
  'direction:3': 'Salud y bienestar',
  'direction:4': 'Acceso al agua, el saneamiento y la energía',
  'direction:5': 'Aprendizaje para un crecimiento económico sostenible e inclusivo',
  'direction:6': 'Inclusión de los grupos vulnerables',
  'direction:7': 'Alianzas intersectoriales',
  'direction:8': 'Participación de la juventud',
  'direction:9': 'Valores éticos y derechos humanos',
  'direction:10': 'Cultura y artes',

  // Areas of action of the Guidelines for Building Learning Cities
  'action-area:1': 'Elaborar un plan para convertirse en una ciudad del aprendizaje',
  'action-area:2': 'Crear una estructura coordinada que involucre a todas las partes interesadas',
  'action-area:3': 'Iniciar y mantener el proceso con eventos de celebración',
  'action-area:4': 'Garantizar que el aprendizaje sea accesible para todos los ciudadanos',
  'action-area:5':
    'Establecer un proceso de seguimiento y evaluación para asegurar el avance de la ciudad del aprendizaje',
  'action-area:6': 'Garantizar una financiación sostenible',

  // Rating labels
  'rating:5': 'Excelente',
  'rating:4': 'Muy bueno',
  'rating:3': 'Bueno',
  'rating:2': 'Regular',
  'rating:1': 'Deficiente',
};
