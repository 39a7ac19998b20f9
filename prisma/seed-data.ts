// Demo content for Madang (마당), set in Gunsan (군산시).
// Pure data: no imports, no side effects. prisma/seed-story.ts plays it through the domain.
// Everything here is fictional demo content; names are invented and any
// resemblance to real residents is coincidental.

export type SeedDistrict = { code: string; name: string; nameEn: string; kind: "EUP" | "MYEON" | "DONG" };

/** Gunsan's 27 읍·면·동 (1 읍, 10 면, 16 동), in the city's customary order. */
export const districts: SeedDistrict[] = [
  { code: "okgu-eup", name: "옥구읍", nameEn: "Okgu-eup", kind: "EUP" },
  { code: "oksan-myeon", name: "옥산면", nameEn: "Oksan-myeon", kind: "MYEON" },
  { code: "hoehyeon-myeon", name: "회현면", nameEn: "Hoehyeon-myeon", kind: "MYEON" },
  { code: "impi-myeon", name: "임피면", nameEn: "Impi-myeon", kind: "MYEON" },
  { code: "seosu-myeon", name: "서수면", nameEn: "Seosu-myeon", kind: "MYEON" },
  { code: "daeya-myeon", name: "대야면", nameEn: "Daeya-myeon", kind: "MYEON" },
  { code: "gaejeong-myeon", name: "개정면", nameEn: "Gaejeong-myeon", kind: "MYEON" },
  { code: "seongsan-myeon", name: "성산면", nameEn: "Seongsan-myeon", kind: "MYEON" },
  { code: "napo-myeon", name: "나포면", nameEn: "Napo-myeon", kind: "MYEON" },
  { code: "okdo-myeon", name: "옥도면", nameEn: "Okdo-myeon", kind: "MYEON" },
  { code: "okseo-myeon", name: "옥서면", nameEn: "Okseo-myeon", kind: "MYEON" },
  { code: "haesin-dong", name: "해신동", nameEn: "Haesin-dong", kind: "DONG" },
  { code: "wolmyeong-dong", name: "월명동", nameEn: "Wolmyeong-dong", kind: "DONG" },
  { code: "sinpung-dong", name: "신풍동", nameEn: "Sinpung-dong", kind: "DONG" },
  { code: "samhak-dong", name: "삼학동", nameEn: "Samhak-dong", kind: "DONG" },
  { code: "jungang-dong", name: "중앙동", nameEn: "Jungang-dong", kind: "DONG" },
  { code: "heungnam-dong", name: "흥남동", nameEn: "Heungnam-dong", kind: "DONG" },
  { code: "jochon-dong", name: "조촌동", nameEn: "Jochon-dong", kind: "DONG" },
  { code: "gyeongam-dong", name: "경암동", nameEn: "Gyeongam-dong", kind: "DONG" },
  { code: "guam-dong", name: "구암동", nameEn: "Guam-dong", kind: "DONG" },
  { code: "gaejeong-dong", name: "개정동", nameEn: "Gaejeong-dong", kind: "DONG" },
  { code: "susong-dong", name: "수송동", nameEn: "Susong-dong", kind: "DONG" },
  { code: "naun1-dong", name: "나운1동", nameEn: "Naun 1-dong", kind: "DONG" },
  { code: "naun2-dong", name: "나운2동", nameEn: "Naun 2-dong", kind: "DONG" },
  { code: "naun3-dong", name: "나운3동", nameEn: "Naun 3-dong", kind: "DONG" },
  { code: "soryong-dong", name: "소룡동", nameEn: "Soryong-dong", kind: "DONG" },
  { code: "miseong-dong", name: "미성동", nameEn: "Miseong-dong", kind: "DONG" },
];

export type SeedDepartment = { code: string; name: string; nameEn: string };

export const departments: SeedDepartment[] = [
  { code: "planning-budget", name: "기획예산과", nameEn: "Planning and Budget Division" },
  { code: "transport", name: "교통행정과", nameEn: "Transportation Administration Division" },
  { code: "welfare-policy", name: "복지정책과", nameEn: "Welfare Policy Division" },
  { code: "environment-policy", name: "환경정책과", nameEn: "Environmental Policy Division" },
  { code: "culture-arts", name: "문화예술과", nameEn: "Culture and Arts Division" },
  { code: "urban-planning", name: "도시계획과", nameEn: "Urban Planning Division" },
  { code: "construction", name: "건설과", nameEn: "Construction Division" },
  { code: "jobs-economy", name: "일자리경제과", nameEn: "Jobs and Economy Division" },
  { code: "health-promotion", name: "보건소 건강증진과", nameEn: "Public Health Center, Health Promotion Division" },
  { code: "agriculture-policy", name: "농업정책과", nameEn: "Agricultural Policy Division" },
  { code: "safety", name: "안전총괄과", nameEn: "Safety Management Division" },
  { code: "tourism", name: "관광진흥과", nameEn: "Tourism Promotion Division" },
];

export type SeedCategory = { code: string; name: string; nameEn: string };

/** 세출 기능별 분야: the 13 functional fields of local budgets, in the budget office's order. */
export const categories: SeedCategory[] = [
  { code: "general-admin", name: "일반공공행정", nameEn: "General public administration" },
  { code: "public-safety", name: "공공질서 및 안전", nameEn: "Public order and safety" },
  { code: "education", name: "교육", nameEn: "Education" },
  { code: "culture-tourism", name: "문화 및 관광", nameEn: "Culture and tourism" },
  { code: "environment", name: "환경", nameEn: "Environment" },
  { code: "social-welfare", name: "사회복지", nameEn: "Social welfare" },
  { code: "health", name: "보건", nameEn: "Health" },
  { code: "agri-fisheries", name: "농림해양수산", nameEn: "Agriculture, forestry and fisheries" },
  { code: "industry-energy", name: "산업·중소기업및에너지", nameEn: "Industry, SMEs and energy" },
  { code: "transport", name: "교통 및 물류", nameEn: "Transport and logistics" },
  { code: "land-development", name: "국토 및 지역개발", nameEn: "Land and regional development" },
  { code: "reserve", name: "예비비", nameEn: "Reserve funds" },
  { code: "other", name: "기타", nameEn: "Other" },
];

export type SeedAccount = {
  email: string;
  displayName: string;
  role: "CITIZEN" | "MODERATOR" | "OFFICER" | "COMMITTEE" | "ADMIN";
  /** Where they live: their home district and the registered address their 본인인증 reports. */
  districtCode: string;
  departmentCode?: string;
};

/** The named demo logins. */
export const demoAccounts: SeedAccount[] = [
  { email: "citizen@demo.madang", displayName: "김민지", role: "CITIZEN", districtCode: "naun2-dong" },
  { email: "citizen2@demo.madang", displayName: "박준호", role: "CITIZEN", districtCode: "okgu-eup" },
  { email: "moderator@demo.madang", displayName: "운영자", role: "MODERATOR", districtCode: "jochon-dong" },
  {
    email: "officer@demo.madang",
    displayName: "교통행정과 담당자",
    role: "OFFICER",
    districtCode: "soryong-dong",
    departmentCode: "transport",
  },
  { email: "committee@demo.madang", displayName: "정책심사위원 이정훈", role: "COMMITTEE", districtCode: "susong-dong" },
  { email: "admin@demo.madang", displayName: "시스템 관리자", role: "ADMIN", districtCode: "naun1-dong" },
];

/** 80 background citizens who propose, comment and give 공감. */
export const citizenNames: string[] = [
  "이서연",
  "정우진",
  "최지훈",
  "강하은",
  "조민서",
  "윤도현",
  "장수빈",
  "임현우",
  "한지민",
  "오승민",
  "서예린",
  "신동혁",
  "권나연",
  "황재원",
  "안소희",
  "송민재",
  "전유진",
  "홍성민",
  "유다은",
  "고태윤",
  "문지아",
  "양현석",
  "손채원",
  "배준영",
  "백서윤",
  "허민혁",
  "남은비",
  "노승훈",
  "심가은",
  "하준서",
  "곽미숙",
  "성영호",
  "차은정",
  "주형준",
  "우경희",
  "구본철",
  "민서진",
  "나정훈",
  "진혜원",
  "지상우",
  "엄기순",
  "채윤아",
  "원종배",
  "천미경",
  "방재석",
  "공수연",
  "현동욱",
  "함영자",
  "변정민",
  "염태호",
  "여은지",
  "추경수",
  "도윤희",
  "소병철",
  "석지현",
  "설민아",
  "길혜진",
  "연승호",
  "위성희",
  "표재훈",
  "김영수",
  "김정숙",
  "이상훈",
  "박미영",
  "이준혁",
  "박성진",
  "김은영",
  "이정란",
  "박동훈",
  "김순자",
  "이영철",
  "박경애",
  "최만수",
  "정옥순",
  "김태섭",
  "이미란",
  "박상철",
  "최윤정",
  "정기훈",
  "김말순",
];

export type SeedComment = {
  stance: "PRO" | "CON" | "NEUTRAL";
  body: string;
  /** Posted after the proposal's last step (it reacts to the answer, the result, the count); else during its 공감 window. */
  late?: boolean;
  replies?: { stance: "PRO" | "CON" | "NEUTRAL"; body: string; late?: boolean }[];
};

export type SeedProposal = {
  title: string;
  body: string;
  categoryCode: string;
  districtCode: string | null;
  departmentCode: string | null;
  estimatedCostKrw: number | null;
  status: "SCREENING" | "OPEN" | "THRESHOLD_REACHED" | "ASSIGNED" | "ANSWERED" | "IN_PROGRESS" | "COMPLETED" | "REJECTED" | "EXPIRED";
  openedDaysAgo: number;
  /** 공감 it gathered in its window (none before it opens: not in screening, not when rejected there). */
  supportCount: number;
  authorIndex: number;
  /** REJECTED: the moderator's screening reason. ANSWERED and later: the department's final answer. */
  statusNote?: string;
  /** IN_PROGRESS and COMPLETED: the implementation steps (the first is done; in COMPLETED, all). */
  milestones?: [string, string];
  comments: SeedComment[];
};

export const proposals: SeedProposal[] = [
  // ───────────── 제안토론 중 (OPEN) ─────────────
  {
    title: "은파호수공원 야간 산책로 조명을 보강해 주세요",
    body:
      "은파호수공원은 저녁마다 걷기 운동을 하는 시민이 정말 많은 곳입니다. 그런데 물빛다리 주변을 벗어나면 호수 둘레길 곳곳이 어두워서 해가 지고 나면 발밑이 잘 보이지 않습니다. 특히 벚꽃길 안쪽 구간과 주차장 사이 연결로는 가로등 간격이 넓어 여성이나 어르신들이 혼자 걷기 무섭다는 이야기를 자주 듣습니다.\n\n" +
      "둘레길의 어두운 구간에 눈부심이 적은 LED 볼라드 조명을 추가하고, 일정 간격으로 위치 번호 표지를 붙여 비상시 신고 위치를 바로 알릴 수 있게 해 주시길 제안합니다. 야생 조류 서식지와 가까운 곳은 조도를 낮추고 빛이 아래로만 향하게 하면 생태에도 부담이 적을 것입니다.\n\n" +
      "조명이 보강되면 야간 이용객의 안전이 높아지고, 여름철에는 더 많은 시민이 시원한 저녁 시간에 공원을 찾게 될 것입니다.",
    categoryCode: "land-development",
    districtCode: "naun3-dong",
    departmentCode: null,
    estimatedCostKrw: 150_000_000,
    status: "OPEN",
    openedDaysAgo: 12,
    supportCount: 36,
    authorIndex: 0,
    comments: [
      {
        stance: "PRO",
        body: "저도 밤에 아이랑 걷다가 수변 데크 근처에서 발을 헛디딜 뻔했어요. 꼭 필요합니다.",
        replies: [{ stance: "PRO", body: "맞아요. 특히 비 온 다음 날은 더 안 보여서 위험해요." }],
      },
      {
        stance: "NEUTRAL",
        body: "취지는 좋은데 은파 쪽은 철새가 많이 오니까 조명 색온도나 밝기는 전문가 의견을 꼭 들어봤으면 좋겠습니다.",
      },
      {
        stance: "CON",
        body: "조명이 너무 많아지면 밤에 호수 보는 맛이 없어질 것 같아요. 전 구간보다는 정말 어두운 몇 군데만 했으면 합니다.",
        replies: [{ stance: "NEUTRAL", body: "제안 글에도 어두운 구간 위주라고 되어 있으니 그 정도면 괜찮을 것 같아요." }],
      },
      { stance: "PRO", body: "위치 번호 표지 아이디어 좋네요. 신고할 때 설명하기 정말 어렵거든요." },
    ],
  },
  {
    title: "나운2동 초등학교 앞 통학로에 옐로카펫과 보행신호 연장을 요청합니다",
    body:
      "나운2동 일대 초등학교 앞 교차로는 아침 등교 시간마다 출근 차량과 학원 차량이 한꺼번에 몰립니다. 보행신호가 짧아 저학년 아이들이 다 건너기 전에 신호가 바뀌는 경우가 많고, 신호를 기다리는 아이들이 차도 가까이 서 있는 모습도 자주 보입니다.\n\n" +
      "횡단보도 대기 공간에 옐로카펫과 바닥 신호등을 설치하고, 등하교 시간대에는 보행신호를 몇 초라도 늘려 주시기를 제안합니다. 어린이보호구역 표지가 가로수에 가려진 곳도 있어 함께 정비가 필요합니다.\n\n" +
      "적은 예산으로도 아이들의 통학 안전을 눈에 띄게 높일 수 있는 사업이라고 생각합니다.",
    categoryCode: "public-safety",
    districtCode: "naun2-dong",
    departmentCode: null,
    estimatedCostKrw: 20_000_000,
    status: "OPEN",
    openedDaysAgo: 5,
    supportCount: 17,
    authorIndex: 3,
    comments: [
      { stance: "PRO", body: "초등학생 학부모입니다. 신호가 짧아서 매일 아침 마음 졸여요. 적극 찬성합니다." },
      {
        stance: "NEUTRAL",
        body: "보행신호 시간은 경찰서 교통안전시설심의 사항이라 시에서 바로 바꾸긴 어렵다고 들었어요. 그래도 같이 건의하면 좋겠습니다.",
        replies: [{ stance: "PRO", body: "그럼 옐로카펫은 시에서, 신호는 경찰서와 협의하는 식으로 나눠서 진행하면 되겠네요." }],
      },
      { stance: "PRO", body: "바닥 신호등 있는 곳 보면 아이들이 휴대폰 보다가도 멈추더라고요. 효과 있습니다." },
    ],
  },
  {
    title: "월명동 근대역사 거리 주말 주차 안내 체계와 순환 셔틀을 제안합니다",
    body:
      "주말이면 월명동 근대역사 거리와 초원사진관, 동국사 주변 골목에 관광객 차량이 몰려 주민들이 집 앞에 차를 대기 어렵습니다. 주차할 곳을 찾아 좁은 골목을 빙빙 도는 차량 때문에 보행자도 위험합니다.\n\n" +
      "근대역사박물관 주변 공영주차장과 진포해양테마공원 주차장의 빈 면수를 실시간으로 보여 주는 안내판을 주요 진입로에 설치하고, 주말에는 주차장과 주요 관광지를 잇는 소형 순환 셔틀을 운행해 주시길 제안합니다.\n\n" +
      "관광객은 편하게 걸어서 둘러볼 수 있고, 주민들의 주차 불편과 골목 안전 문제도 함께 줄어들 것입니다.",
    categoryCode: "transport",
    districtCode: "wolmyeong-dong",
    departmentCode: null,
    estimatedCostKrw: 80_000_000,
    status: "OPEN",
    openedDaysAgo: 20,
    supportCount: 34,
    authorIndex: 7,
    comments: [
      {
        stance: "PRO",
        body: "월명동 주민입니다. 주말엔 외출했다가 돌아오면 집 앞에 남의 차가 있어요. 안내판만 있어도 훨씬 나을 거예요.",
      },
      {
        stance: "CON",
        body: "셔틀은 운영비가 매년 들어가는데 이용객이 얼마나 될지 모르겠어요. 주차 안내판부터 먼저 하는 게 맞다고 봅니다.",
        replies: [{ stance: "NEUTRAL", body: "축제 기간이나 성수기 주말에만 시범 운행해 보고 판단하는 것도 방법이겠네요." }],
      },
      { stance: "NEUTRAL", body: "거리 자체는 걸어서 다니기 좋은데, 주차장 위치를 몰라서 골목으로 들어오는 분들이 많은 것 같아요." },
      { stance: "PRO", body: "관광객 입장에서도 환영입니다. 작년에 주차 때문에 30분 넘게 헤맸어요." },
    ],
  },
  {
    title: "서수면 농촌 마을에 수요응답형 마을버스를 도입해 주세요",
    body:
      "서수면 안쪽 마을은 시내버스가 하루 몇 번밖에 다니지 않아 병원이나 면사무소, 시장에 가려면 한참을 기다리거나 택시를 불러야 합니다. 주민 대부분이 어르신이라 직접 운전하기도 어렵습니다.\n\n" +
      "전화나 앱으로 미리 부르면 마을 앞까지 오는 수요응답형 버스를 시범 도입해 주시기를 제안합니다. 다른 시군에서도 농촌 지역에 같은 방식을 운영하고 있어 참고할 사례가 많습니다.\n\n" +
      "어르신들의 병원 이용과 장보기가 쉬워지고, 빈 버스가 정해진 노선을 도는 것보다 운영 효율도 높아질 것으로 기대합니다.",
    categoryCode: "transport",
    districtCode: "seosu-myeon",
    departmentCode: null,
    estimatedCostKrw: 300_000_000,
    status: "OPEN",
    openedDaysAgo: 8,
    supportCount: 12,
    authorIndex: 69,
    comments: [
      { stance: "PRO", body: "저희 어머니도 버스 시간 놓치면 두 시간을 기다리세요. 꼭 됐으면 좋겠습니다." },
      {
        stance: "NEUTRAL",
        body: "어르신들은 앱 사용이 어려우니 전화 호출은 반드시 있어야 할 것 같아요.",
        replies: [{ stance: "PRO", body: "맞아요. 이장님을 통해 전날 예약하는 방식도 같이 있으면 좋겠습니다." }],
      },
    ],
  },
  {
    title: "경로당 여름철 냉방비 지원을 늘려 주세요",
    body:
      "해마다 여름이 더 더워지면서 경로당이 어르신들의 무더위 쉼터 역할을 하고 있습니다. 그런데 전기요금이 오르면서 지원받는 냉방비로는 한여름 전기료를 감당하기 어려워, 에어컨을 켰다 껐다 하며 아끼는 곳이 많습니다.\n\n" +
      "무더위쉼터로 지정된 경로당을 중심으로 7~8월 냉방비 지원 단가를 현실에 맞게 올리고, 오래된 에어컨은 고효율 제품으로 교체를 지원해 주시길 제안합니다.\n\n" +
      "폭염 때 어르신들의 온열질환을 예방하고, 장기적으로는 전기요금 부담도 줄일 수 있을 것입니다.",
    categoryCode: "social-welfare",
    districtCode: null,
    departmentCode: null,
    estimatedCostKrw: 200_000_000,
    status: "OPEN",
    openedDaysAgo: 3,
    supportCount: 8,
    authorIndex: 47,
    comments: [
      { stance: "PRO", body: "작년 여름에 경로당 갔는데 너무 더워서 다들 집으로 가셨어요. 지원이 꼭 필요합니다." },
      {
        stance: "NEUTRAL",
        body: "냉방비 단가 인상과 함께 태양광 설치도 검토하면 장기적으로 더 이득일 것 같습니다.",
      },
    ],
  },
  {
    title: "수송공원에 여름철 어린이 물놀이장을 만들어 주세요",
    body:
      "수송동과 나운동 일대에는 어린 자녀를 키우는 가정이 많지만, 여름에 아이들이 가까이에서 물놀이를 할 수 있는 공간이 거의 없습니다. 바닷가나 다른 지역 물놀이장까지 차를 타고 가야 해서 부모들의 부담이 큽니다.\n\n" +
      "수송공원 안 유휴 공간에 바닥분수형 물놀이장을 조성하고, 여름철에는 안전요원을 배치해 운영해 주시기를 제안합니다. 물놀이 기간이 아닐 때는 광장이나 공연 공간으로 쓸 수 있게 설계하면 활용도도 높을 것입니다.\n\n" +
      "아이들에게 안전한 여름 놀이 공간이 생기고, 주변 상권에도 도움이 될 것이라 생각합니다.",
    categoryCode: "social-welfare",
    districtCode: "susong-dong",
    departmentCode: null,
    estimatedCostKrw: 800_000_000,
    status: "OPEN",
    openedDaysAgo: 15,
    supportCount: 24,
    authorIndex: 12,
    comments: [
      { stance: "PRO", body: "여섯 살, 네 살 키우는 엄마입니다. 여름마다 갈 곳이 없어요. 정말 필요합니다!" },
      {
        stance: "CON",
        body: "물놀이장은 여름 두 달 쓰는데 수질 관리와 운영비가 꽤 들어요. 다른 도시에서도 관리 문제로 말이 많았습니다.",
        replies: [
          { stance: "PRO", body: "그래서 비수기엔 광장으로 쓰자는 거죠. 바닥분수형은 관리가 비교적 쉽다고 들었어요." },
          { stance: "NEUTRAL", body: "수질 검사 결과를 공개하는 조건이면 찬성입니다." },
        ],
      },
      { stance: "NEUTRAL", body: "수송공원 주차가 이미 부족한데, 주차 대책도 같이 고민해 주셨으면 합니다." },
    ],
  },
  {
    title: "조촌동에 반려동물 놀이터를 조성해 주세요",
    body:
      "군산에도 반려동물을 키우는 가정이 크게 늘었지만, 목줄 없이 마음껏 뛰어놀 수 있는 공간은 찾기 어렵습니다. 그러다 보니 공원에서 목줄을 풀어 다른 시민과 갈등이 생기는 일도 종종 있습니다.\n\n" +
      "조촌동 일대 유휴 부지나 근린공원 한쪽에 울타리를 두른 반려동물 놀이터를 만들고, 대형견과 소형견 구역을 나누어 주시길 제안합니다. 배변봉투함과 음수대, 이용 수칙 안내판도 함께 설치하면 좋겠습니다.\n\n" +
      "반려인은 안전하게 산책과 놀이를 할 수 있고, 비반려인과의 갈등도 줄어드는 효과가 있을 것입니다.",
    categoryCode: "other",
    districtCode: "jochon-dong",
    departmentCode: null,
    estimatedCostKrw: 300_000_000,
    status: "OPEN",
    openedDaysAgo: 25,
    supportCount: 49,
    authorIndex: 20,
    comments: [
      { stance: "PRO", body: "익산이나 전주 가면 반려견 놀이터가 있는데 군산에는 없어서 아쉬웠어요. 찬성합니다." },
      {
        stance: "CON",
        body: "주택가 가까이 만들면 짖는 소리 민원이 생길 수 있어요. 위치 선정이 제일 중요할 것 같습니다.",
        replies: [{ stance: "NEUTRAL", body: "동의합니다. 주거지와 거리를 두고 운영 시간을 정하면 괜찮을 것 같아요." }],
      },
      { stance: "PRO", body: "한 명만 더 공감하면 50명이네요! 주변에 많이 알려 주세요.", late: true },
    ],
  },
  {
    title: "폐현수막을 장바구니와 마대로 재활용하는 사업을 제안합니다",
    body:
      "선거나 행사 때마다 시내 곳곳에 걸렸던 현수막이 한꺼번에 철거되어 대부분 소각되거나 매립됩니다. 현수막은 합성섬유라 태울 때 유해물질이 나오고 처리 비용도 적지 않습니다.\n\n" +
      "철거한 폐현수막을 모아 지역 자활센터나 사회적기업과 함께 장바구니, 모래주머니, 농업용 마대 등으로 만들어 전통시장과 읍면에 나눠 주는 사업을 제안합니다.\n\n" +
      "쓰레기 처리 비용을 줄이고, 취약계층 일자리도 만들며, 시민들에게 자원순환의 의미를 알리는 효과가 있을 것입니다.",
    categoryCode: "environment",
    districtCode: null,
    departmentCode: null,
    estimatedCostKrw: 15_000_000,
    status: "OPEN",
    openedDaysAgo: 10,
    supportCount: 7,
    authorIndex: 25,
    comments: [
      { stance: "PRO", body: "좋은 아이디어네요. 다른 지자체에서도 선거 끝나고 이렇게 한다는 기사를 본 적 있어요." },
      {
        stance: "NEUTRAL",
        body: "현수막 재질에 따라 세척과 재단 비용이 꽤 든다고 합니다. 실제 수요가 있는 마대 위주로 하면 좋겠어요.",
      },
      { stance: "CON", body: "차라리 현수막 자체를 줄이는 게 근본 대책 아닐까요? 지정 게시대 외 현수막 단속을 강화했으면 합니다." },
    ],
  },
  {
    title: "구도심 빈 점포를 활용한 청년 창업 공유공간을 만들어 주세요",
    body:
      "중앙동 일대 원도심에는 문을 닫은 점포가 늘어나 거리가 활기를 잃고 있습니다. 반면 창업을 준비하는 청년들은 초기 임대료 부담 때문에 군산을 떠나 다른 도시로 가는 경우가 많습니다.\n\n" +
      "시가 빈 점포 몇 곳을 장기 임차해 공유 작업실과 시제품 판매 공간으로 꾸미고, 청년 창업팀에게 1~2년간 저렴하게 빌려주는 사업을 제안합니다. 세무, 마케팅 상담도 정기적으로 연계해 주면 좋겠습니다.\n\n" +
      "청년들이 지역에 머물며 창업에 도전할 수 있고, 원도심 상권에도 새로운 활력이 생길 것입니다.",
    categoryCode: "industry-energy",
    districtCode: "jungang-dong",
    departmentCode: null,
    estimatedCostKrw: 250_000_000,
    status: "OPEN",
    openedDaysAgo: 18,
    supportCount: 15,
    authorIndex: 9,
    comments: [
      {
        stance: "PRO",
        body: "군산에서 창업 준비 중인 20대입니다. 임대료가 제일 큰 벽이에요. 이런 공간이 있으면 바로 지원하고 싶습니다.",
      },
      {
        stance: "CON",
        body: "비슷한 청년몰 사업이 전국적으로 지원 끝나면 문 닫는 경우가 많았어요. 지원 기간 이후 계획이 꼭 있어야 합니다.",
        replies: [
          { stance: "NEUTRAL", body: "좋은 지적이에요. 입주 심사 때 자립 계획을 평가하고, 졸업 후 인근 점포 연계까지 해 주면 좋겠네요." },
        ],
      },
      { stance: "NEUTRAL", body: "건물주들과 협의해서 임대료 상승을 막는 상생 협약도 같이 필요할 것 같습니다." },
    ],
  },
  {
    title: "미성동 주민센터 앞에 무인 스마트도서관을 설치해 주세요",
    body:
      "미성동에서 가장 가까운 공공도서관까지는 버스로 한참을 가야 해서 아이들과 어르신들이 책을 빌리기 어렵습니다. 맞벌이 가정은 도서관 운영 시간에 맞춰 가기도 쉽지 않습니다.\n\n" +
      "주민센터 앞이나 공원 입구에 24시간 대출과 반납이 가능한 무인 스마트도서관을 설치해 주시길 제안합니다. 시립도서관 회원증으로 이용하고, 주민들이 원하는 책을 신청하면 정기적으로 교체해 주면 좋겠습니다.\n\n" +
      "도서관과 먼 동네에서도 책을 가까이할 수 있게 되어 지역 간 문화 격차를 줄이는 데 도움이 될 것입니다.",
    categoryCode: "education",
    districtCode: "miseong-dong",
    departmentCode: null,
    estimatedCostKrw: 100_000_000,
    status: "SCREENING",
    openedDaysAgo: 1,
    supportCount: 0,
    authorIndex: 54,
    comments: [],
  },
  {
    title: "금강하굿둑에서 시내로 이어지는 자전거도로 단절 구간을 연결해 주세요",
    body:
      "금강하굿둑 주변 자전거길은 경치가 좋아 주말마다 많은 분들이 찾지만, 시내 방향으로 오다 보면 자전거도로가 갑자기 끊기고 차도를 달려야 하는 구간이 나옵니다. 화물차 통행이 많은 도로라 사고 위험이 큽니다.\n\n" +
      "성산면 하굿둑 일대에서 시내 자전거도로까지 끊긴 구간을 분리형 자전거도로로 연결하고, 갈림길마다 방향 안내 표지를 설치해 주시길 제안합니다.\n\n" +
      "자전거 여행객이 안전하게 시내까지 들어올 수 있고, 출퇴근 자전거 이용도 늘어날 것으로 기대합니다.",
    categoryCode: "transport",
    districtCode: "seongsan-myeon",
    departmentCode: null,
    estimatedCostKrw: 500_000_000,
    status: "OPEN",
    openedDaysAgo: 22,
    supportCount: 21,
    authorIndex: 15,
    comments: [
      { stance: "PRO", body: "국토종주 하다가 군산 들어올 때 정말 무서웠습니다. 연결되면 자전거 관광객도 늘 거예요." },
      {
        stance: "NEUTRAL",
        body: "도로 폭이 좁은 구간은 국도 관리청과 협의가 필요할 수도 있겠네요.",
        replies: [{ stance: "PRO", body: "그래도 시에서 먼저 나서서 협의해 주면 좋겠습니다." }],
      },
    ],
  },
  {
    title: "밤늦게와 휴일에 문을 여는 공공심야약국을 지정·지원해 주세요",
    body:
      "밤에 아이가 갑자기 열이 나거나 휴일에 상비약이 떨어지면 문을 연 약국을 찾기가 매우 어렵습니다. 편의점 상비약은 종류가 적고, 응급실에 가기에는 부담스러운 경우가 많습니다.\n\n" +
      "시내 권역별로 밤 12시까지 운영하는 공공심야약국을 지정하고, 인건비 일부를 시에서 지원해 주시기를 제안합니다. 운영 약국 위치와 시간은 시 누리집과 지도 앱에 안내해 주면 좋겠습니다.\n\n" +
      "경증 환자의 응급실 이용을 줄이고, 시민들이 밤에도 전문가 복약 상담을 받을 수 있게 될 것입니다.",
    categoryCode: "health",
    districtCode: null,
    departmentCode: null,
    estimatedCostKrw: 50_000_000,
    status: "OPEN",
    openedDaysAgo: 7,
    supportCount: 23,
    authorIndex: 30,
    comments: [
      { stance: "PRO", body: "지난주 일요일 밤에 해열제 찾느라 30분을 돌아다녔어요. 정말 필요합니다." },
      {
        stance: "NEUTRAL",
        body: "약사회와 협의해서 돌아가며 운영하면 약국 부담도 줄고 예산도 덜 들 것 같아요.",
      },
      { stance: "PRO", body: "어르신들은 밤에 약 상담받을 곳이 없어서 더 필요하다고 생각해요." },
    ],
  },
  {
    title: "옥구읍에 농기계 임대사업소 분소를 설치해 주세요",
    body:
      "옥구읍과 인근 면의 농가들은 농기계를 빌리려면 멀리 떨어진 임대사업소까지 트럭을 끌고 가야 합니다. 모내기나 수확철처럼 바쁜 시기에는 왕복 시간만 반나절이 걸리고, 원하는 기계가 이미 대여된 경우도 많습니다.\n\n" +
      "옥구읍 권역에 농기계 임대 분소를 두고, 수요가 많은 관리기와 두둑 성형기 등을 배치해 주시길 제안합니다. 고령 농가를 위해 배송과 회수 서비스도 함께 검토해 주시면 좋겠습니다.\n\n" +
      "농가의 시간과 비용 부담이 줄고, 소규모 고령 농가의 영농 활동에 실질적인 도움이 될 것입니다.",
    categoryCode: "agri-fisheries",
    districtCode: "okgu-eup",
    departmentCode: null,
    estimatedCostKrw: null,
    status: "OPEN",
    openedDaysAgo: 14,
    supportCount: 5,
    authorIndex: 66,
    comments: [
      { stance: "PRO", body: "농사짓는 입장에서 제일 아쉬운 부분입니다. 배송 서비스까지 되면 정말 좋겠네요." },
      {
        stance: "NEUTRAL",
        body: "분소를 새로 짓기보다 기존 농협 창고를 활용하면 비용을 줄일 수 있을 것 같습니다.",
      },
    ],
  },
  {
    title: "직장인을 위해 시청 민원실 야간·토요일 민원창구를 운영해 주세요",
    body:
      "평일 낮에 일하는 시민들은 시청 민원실을 이용하려면 반차를 내거나 점심시간에 급하게 다녀와야 합니다. 온라인으로 처리되지 않는 민원도 아직 많아 불편이 큽니다.\n\n" +
      "일주일에 하루는 저녁 8시까지 연장 근무 창구를 운영하고, 한 달에 두 번 정도 토요일 오전에 민원창구를 여는 방안을 제안합니다. 담당 직원은 시차 출근제로 운영하면 추가 부담을 줄일 수 있을 것입니다.\n\n" +
      "맞벌이 가정과 직장인의 행정 서비스 접근성이 좋아지고, 시민이 체감하는 행정 만족도도 높아질 것입니다.",
    categoryCode: "general-admin",
    districtCode: null,
    departmentCode: null,
    estimatedCostKrw: null,
    status: "OPEN",
    openedDaysAgo: 28,
    supportCount: 44,
    authorIndex: 38,
    comments: [
      { stance: "PRO", body: "여권 찾으러 가려고 연차를 썼던 기억이 나네요. 꼭 필요합니다." },
      {
        stance: "CON",
        body: "공무원도 근로자인데 토요일 근무까지 늘리는 건 부담이 클 것 같아요. 무인 민원발급기를 늘리는 쪽이 현실적이지 않을까요?",
        replies: [
          { stance: "NEUTRAL", body: "무인발급기로 안 되는 민원이 많아서요. 시차 출근이면 근무 시간이 늘어나는 건 아니라고 봐요." },
        ],
      },
      { stance: "PRO", body: "이틀밖에 안 남았네요. 공감 부탁드립니다!", late: true },
    ],
  },

  // ───────────── 공감 50명 달성, 제안심사 대기 (THRESHOLD_REACHED) ─────────────
  {
    title: "경암동 철길마을에 공중화장실과 쉼터를 확충해 주세요",
    body:
      "경암동 철길마을은 군산을 대표하는 관광지가 되어 주말마다 많은 관광객이 찾고 있습니다. 하지만 공중화장실이 부족해 상인들에게 화장실을 빌려 달라는 요청이 잦고, 앉아서 쉴 그늘도 거의 없습니다.\n\n" +
      "철길마을 입구 쪽에 공중화장실을 추가로 설치하고, 그늘막과 벤치를 갖춘 작은 쉼터를 조성해 주시길 제안합니다. 외국인 관광객을 위해 다국어 안내판도 함께 정비하면 좋겠습니다.\n\n" +
      "관광객의 만족도가 높아지고, 주민과 상인들의 불편도 줄어 관광지 이미지가 더 좋아질 것입니다.",
    categoryCode: "culture-tourism",
    districtCode: "gyeongam-dong",
    departmentCode: null,
    estimatedCostKrw: 180_000_000,
    status: "THRESHOLD_REACHED",
    openedDaysAgo: 26,
    supportCount: 53,
    authorIndex: 44,
    comments: [
      { stance: "PRO", body: "철길마을에서 가게를 하고 있습니다. 하루에도 몇 번씩 화장실 문의를 받아요. 꼭 부탁드립니다." },
      {
        stance: "PRO",
        body: "여름에 아이들 데리고 갔다가 쉴 곳이 없어서 금방 나왔어요. 쉼터 대찬성입니다.",
      },
      {
        stance: "NEUTRAL",
        body: "철길 옆이 좁아서 화장실 위치를 잘 정해야 할 것 같아요. 주민 의견도 꼭 들어 주세요.",
        replies: [{ stance: "PRO", body: "입구 쪽 주차장 부근이면 주민 생활에 불편이 적을 것 같습니다." }],
      },
    ],
  },
  {
    title: "나운1동 학원가 어린이 승하차 구역에 불법 주정차 단속카메라를 설치해 주세요",
    body:
      "나운1동 학원가 도로는 저녁 시간마다 학원 차량과 학부모 차량이 이중 주차를 해서 아이들이 차 사이로 뛰어다닙니다. 운전자 시야가 가려져 아찔한 상황이 자주 벌어집니다.\n\n" +
      "학원가 주요 구간에 불법 주정차 단속카메라를 설치하고, 학원 차량이 잠시 정차할 수 있는 어린이 승하차 구역을 따로 지정해 주시기를 제안합니다.\n\n" +
      "차량 흐름이 정리되고 아이들이 안전하게 타고 내릴 수 있는 환경이 만들어질 것입니다.",
    categoryCode: "public-safety",
    districtCode: "naun1-dong",
    departmentCode: null,
    estimatedCostKrw: 60_000_000,
    status: "THRESHOLD_REACHED",
    openedDaysAgo: 19,
    supportCount: 51,
    authorIndex: 51,
    comments: [
      { stance: "PRO", body: "매일 저녁 아이 데리러 가는데 정말 위험합니다. 승하차 구역 꼭 필요해요." },
      {
        stance: "CON",
        body: "단속카메라만 설치하면 학부모들이 잠깐 세울 곳도 없어져요. 승하차 구역을 먼저 만들고 단속은 그다음에 했으면 합니다.",
        replies: [{ stance: "NEUTRAL", body: "제안 내용에 둘 다 들어 있으니 순서만 잘 정하면 되겠네요." }],
      },
      { stance: "PRO", body: "50명 넘었네요! 부서 검토 결과 기다리겠습니다.", late: true },
    ],
  },
  {
    title: "군산국가산업단지 출퇴근 시간 통근버스를 운행해 주세요",
    body:
      "소룡동 국가산업단지와 새만금 산업단지로 출퇴근하는 근로자가 많지만, 시내버스는 교대 근무 시간과 맞지 않고 배차 간격도 길어 대부분 자가용을 이용합니다. 그 결과 출퇴근 시간 산단 진입로 정체가 심하고, 차가 없는 청년 근로자는 취업 자체를 포기하기도 합니다.\n\n" +
      "나운동, 수송동, 조촌동 등 주거지에서 산업단지까지 교대 근무 시간에 맞춘 통근버스를 입주기업과 함께 운행하는 방안을 제안합니다.\n\n" +
      "근로자의 교통비와 출퇴근 부담이 줄고, 기업의 인력 확보와 교통 혼잡 완화에도 도움이 될 것입니다.",
    categoryCode: "transport",
    districtCode: "soryong-dong",
    departmentCode: null,
    estimatedCostKrw: 400_000_000,
    status: "THRESHOLD_REACHED",
    openedDaysAgo: 27,
    supportCount: 56,
    authorIndex: 62,
    comments: [
      {
        stance: "PRO",
        body: "산단에서 3교대 근무합니다. 새벽 교대 시간엔 버스가 없어서 택시비가 한 달에 수십만 원이에요.",
      },
      {
        stance: "NEUTRAL",
        body: "입주기업들이 비용을 얼마나 분담할지가 관건일 것 같아요. 기업 협의체와 먼저 이야기해 보면 좋겠습니다.",
      },
      {
        stance: "PRO",
        body: "차 없는 청년들이 군산에서 일자리를 구하려면 꼭 필요한 사업이라고 생각합니다.",
        replies: [{ stance: "PRO", body: "맞아요. 면접 볼 때부터 출퇴근 수단을 먼저 물어봐요." }],
      },
    ],
  },

  // ───────────── 부서 배정 (ASSIGNED) ─────────────
  {
    title: "시내버스 주요 노선 출퇴근 시간 배차 간격을 줄여 주세요",
    body:
      "군산대학교와 나운동, 수송동, 시청을 잇는 노선은 출퇴근과 등하교 시간에 승객이 많은데 배차 간격이 20~30분이라 버스를 한 대 놓치면 지각하기 일쑤입니다. 만차로 정류장을 그냥 지나치는 경우도 있습니다.\n\n" +
      "이용객이 많은 주요 노선은 출퇴근 시간대에 증차해 배차 간격을 15분 이내로 줄이고, 모든 정류장에 버스 도착 안내 정보가 제대로 표시되도록 점검해 주시길 제안합니다.\n\n" +
      "대중교통 이용이 편리해지면 자가용 이용이 줄어 도심 교통 혼잡과 주차난 완화에도 도움이 될 것입니다.",
    categoryCode: "transport",
    districtCode: null,
    departmentCode: "transport",
    estimatedCostKrw: 600_000_000,
    status: "ASSIGNED",
    openedDaysAgo: 40,
    supportCount: 57,
    authorIndex: 1,
    comments: [
      { stance: "PRO", body: "대학생입니다. 아침 수업 때 버스가 꽉 차서 두 대를 보낸 적도 있어요." },
      {
        stance: "NEUTRAL",
        body: "증차하면 운수업체 재정지원금이 늘어날 텐데, 낮 시간대 한산한 노선을 조정해서 재원을 마련하는 방법도 검토해 주세요.",
        replies: [{ stance: "PRO", body: "좋은 의견입니다. 노선 전체를 데이터로 분석해 보면 답이 나올 것 같아요." }],
      },
      { stance: "PRO", body: "정류장 도착 안내기가 고장 난 곳이 꽤 있어요. 이것부터라도 빨리 고쳐 주세요." },
      { stance: "CON", body: "버스를 늘려도 도로가 막히면 소용없어요. 버스 전용차로나 신호 우선 같은 대책이 같이 가야 합니다." },
    ],
  },
  {
    title: "고군산군도 선유도·장자도 구간에 순환 셔틀과 공공자전거를 운영해 주세요",
    body:
      "고군산대교가 개통된 뒤 선유도와 장자도를 찾는 관광객이 크게 늘었지만, 섬 안 도로가 좁아 주말마다 차량 정체와 주차난이 심각합니다. 섬 주민들도 생활 차량 통행에 큰 불편을 겪고 있습니다.\n\n" +
      "섬 입구 주차장에 차를 두고 선유도해수욕장, 장자도, 대장도를 잇는 순환 셔틀을 성수기에 운영하고, 공공자전거 대여소를 함께 설치해 주시길 제안합니다.\n\n" +
      "섬 안 차량이 줄어 주민 불편이 해소되고, 관광객은 고군산군도의 풍경을 더 여유롭게 즐길 수 있을 것입니다.",
    categoryCode: "culture-tourism",
    districtCode: "okdo-myeon",
    departmentCode: "tourism",
    estimatedCostKrw: 200_000_000,
    status: "ASSIGNED",
    openedDaysAgo: 45,
    supportCount: 51,
    authorIndex: 18,
    comments: [
      { stance: "PRO", body: "작년 여름에 장자도 들어가는 데만 한 시간 걸렸어요. 셔틀 있으면 무조건 이용합니다." },
      {
        stance: "NEUTRAL",
        body: "섬 주민 차량은 통행에 불편이 없도록 따로 관리해 주셨으면 합니다.",
      },
    ],
  },
  {
    title: "하제마을 팽나무 보호구역 정비와 방문객 편의시설을 마련해 주세요",
    body:
      "옥서면 하제마을의 600년 넘은 팽나무는 마을이 사라진 뒤에도 자리를 지키고 있어 많은 시민과 방문객이 찾고 있습니다. 하지만 뿌리 주변을 밟고 다니는 사람이 많고, 안내 시설이나 주차 공간이 없어 나무와 주변 환경이 훼손될 우려가 큽니다.\n\n" +
      "팽나무 주변에 보호 울타리와 관람 데크를 설치하고, 하제마을의 역사를 알리는 안내판과 소규모 주차 공간을 마련해 주시길 제안합니다.\n\n" +
      "소중한 자연유산을 보호하면서 마을의 기억을 후세에 전하는 장소로 가꿀 수 있을 것입니다.",
    categoryCode: "environment",
    districtCode: "okseo-myeon",
    departmentCode: "environment-policy",
    estimatedCostKrw: 100_000_000,
    status: "ASSIGNED",
    openedDaysAgo: 38,
    supportCount: 53,
    authorIndex: 28,
    comments: [
      { stance: "PRO", body: "하제마을 출신입니다. 고향은 없어졌지만 팽나무만은 꼭 지켜 주세요." },
      {
        stance: "NEUTRAL",
        body: "시설을 너무 많이 만들면 오히려 자연스러운 분위기가 사라질 수 있어요. 최소한으로 해 주셨으면 합니다.",
        replies: [{ stance: "PRO", body: "뿌리 보호 데크 정도만 해도 충분할 것 같아요." }],
      },
      { stance: "PRO", body: "주차할 곳이 없어 길가에 세우다 보니 위험했습니다. 꼭 함께 검토해 주세요." },
    ],
  },

  // ───────────── 부서 답변 완료 (ANSWERED) ─────────────
  {
    title: "군산사랑상품권 앱에 가맹점 검색 기능을 개선하고 구매 한도를 미리 알려 주세요",
    body:
      "군산사랑상품권을 자주 이용하는데, 앱에서 가맹점을 찾으려면 상호명을 정확히 알아야 해서 불편합니다. 업종이나 내 위치 주변으로 검색하는 기능이 부족해 가맹점인지 모르고 카드로 결제하는 경우가 많습니다.\n\n" +
      "앱에 업종별, 거리순 가맹점 검색과 지도 보기를 강화하고, 월 구매 한도나 할인율이 바뀔 때는 미리 앱 알림으로 안내해 주시기를 제안합니다.\n\n" +
      "시민들의 상품권 사용이 편리해지고, 지역 소상공인의 매출 증대에도 도움이 될 것입니다.",
    categoryCode: "industry-energy",
    districtCode: null,
    departmentCode: "jobs-economy",
    estimatedCostKrw: 30_000_000,
    status: "ANSWERED",
    openedDaysAgo: 75,
    supportCount: 61,
    authorIndex: 5,
    statusNote:
      "제안해 주신 가맹점 검색 기능은 운영 대행사와 협의하여 다음 앱 개편 때 업종별·거리순 검색과 지도 보기를 추가할 예정입니다. 월 구매 한도와 할인율은 국비 지원 규모에 따라 바뀔 수 있어 고정하기 어렵지만, 변경 시 최소 7일 전에 앱 알림과 시 누리집으로 안내하겠습니다.",
    comments: [
      { stance: "PRO", body: "한도가 갑자기 바뀌어서 당황한 적이 많았어요. 사전 안내만 해도 훨씬 좋겠습니다." },
      {
        stance: "PRO",
        body: "동네 작은 가게들이 가맹점인지 몰라서 못 쓰는 경우가 많아요. 지도 기능 꼭 부탁드려요.",
        replies: [{ stance: "PRO", body: "답변 나왔네요. 개편 일정도 알려 주시면 좋겠습니다.", late: true }],
      },
      { stance: "NEUTRAL", body: "앱 개편 후에 실제로 반영됐는지 여기서 다시 확인할 수 있으면 좋겠어요.", late: true },
    ],
  },
  {
    title: "대야면 어르신을 위한 마을 순회진료와 방문건강관리를 확대해 주세요",
    body:
      "대야면 외곽 마을에는 혼자 사시는 어르신이 많은데, 보건지소나 시내 병원까지 가기가 쉽지 않아 혈압이나 당뇨 관리를 제때 받지 못하는 경우가 많습니다.\n\n" +
      "보건소 순회진료 횟수를 늘리고, 간호사가 집으로 찾아가는 방문건강관리 대상을 넓혀 주시길 제안합니다. 마을회관을 거점으로 정기 건강검진과 건강 교실을 함께 운영해도 좋겠습니다.\n\n" +
      "어르신들의 만성질환을 조기에 관리하고 응급 상황을 예방하는 데 큰 도움이 될 것입니다.",
    categoryCode: "health",
    districtCode: "daeya-myeon",
    departmentCode: "health-promotion",
    estimatedCostKrw: null,
    status: "ANSWERED",
    openedDaysAgo: 90,
    supportCount: 52,
    authorIndex: 73,
    statusNote:
      "대야면 마을 순회진료를 월 1회에서 월 2회로 늘리는 방향으로 검토하고 있으며, 방문건강관리 인력 1명 증원을 내년 예산에 반영하도록 예산 부서와 협의 중입니다. 마을회관 건강 교실은 이번 분기부터 우선 3개 마을에서 시작하겠습니다.",
    comments: [
      { stance: "PRO", body: "저희 아버지가 대야면에 혼자 계셔서 늘 걱정이었는데 답변이 반갑습니다.", late: true },
      {
        stance: "NEUTRAL",
        body: "인력 증원이 예산에 실제로 반영되는지 끝까지 지켜보겠습니다.",
        late: true,
      },
    ],
  },
  {
    title: "해망동 수산물종합센터 주변 주말 주차 혼잡을 해결해 주세요",
    body:
      "해신동 해망동 수산물종합센터에는 주말과 명절마다 방문객이 몰려 주변 도로가 주차장처럼 변합니다. 불법 주차 차량 때문에 버스와 화물차가 지나가기 어렵고, 인근 주민들은 집 앞을 드나들기도 힘듭니다.\n\n" +
      "주말과 성수기에 인근 공터를 임시주차장으로 활용하고, 주차 안내요원을 배치해 주시길 제안합니다. 장기적으로는 수산물센터 이용객을 위한 공영주차장 확충도 검토해 주시면 좋겠습니다.\n\n" +
      "방문객은 편하게 장을 볼 수 있고, 주민과 상인들의 불편도 크게 줄어들 것입니다.",
    categoryCode: "transport",
    districtCode: "haesin-dong",
    departmentCode: "transport",
    estimatedCostKrw: 20_000_000,
    status: "ANSWERED",
    openedDaysAgo: 60,
    supportCount: 50,
    authorIndex: 34,
    statusNote:
      "주말과 명절 성수기에 인근 시유지를 임시주차장으로 운영하고, 주차 안내요원 2명을 배치하겠습니다. 공영주차장 신설은 부지 확보가 필요한 사항이라 중장기 과제로 검토하며, 추진 상황은 이 게시판에 다시 안내드리겠습니다.",
    comments: [
      { stance: "PRO", body: "명절 때마다 차가 꼼짝을 못 해요. 임시주차장이라도 생긴다니 다행입니다.", late: true },
      {
        stance: "CON",
        body: "임시주차장은 결국 임시방편 아닌가요? 공영주차장 계획을 구체적으로 알려 주셨으면 합니다.",
        late: true,
        replies: [
          { stance: "NEUTRAL", body: "중장기 과제라고 하니 다음 주민참여예산 때 다시 제안해 보는 것도 방법일 것 같아요.", late: true },
        ],
      },
      { stance: "NEUTRAL", body: "안내요원 배치 시간대가 언제인지도 알려 주시면 좋겠습니다.", late: true },
    ],
  },

  // ───────────── 추진 중 (IN_PROGRESS) ─────────────
  {
    title: "흥남동 어두운 골목에 비상벨 달린 방범 CCTV를 설치해 주세요",
    body:
      "흥남동 주택가 안쪽 골목은 가로등이 적고 빈집도 늘어나 밤이면 인적이 드뭅니다. 늦게 귀가하는 학생과 여성들이 불안을 호소하고 있고, 실제로 수상한 사람을 봤다는 이야기도 들립니다.\n\n" +
      "어두운 골목 주요 지점에 비상벨이 함께 달린 방범 CCTV를 설치하고, 가로등이 부족한 곳에는 보안등을 추가해 주시길 제안합니다.\n\n" +
      "범죄 예방 효과와 함께 주민들이 밤에도 안심하고 다닐 수 있는 동네가 될 것입니다.",
    categoryCode: "public-safety",
    districtCode: "heungnam-dong",
    departmentCode: "safety",
    estimatedCostKrw: 100_000_000,
    status: "IN_PROGRESS",
    openedDaysAgo: 110,
    supportCount: 55,
    authorIndex: 41,
    statusNote:
      "제안을 채택합니다. 군산경찰서와 합동 현장 조사를 거쳐 비상벨 일체형 방범 CCTV 설치 지점 5곳을 정하고, 보안등이 부족한 골목 3곳에는 LED 보안등을 추가로 설치하겠습니다. 설치 위치와 공사 일정은 이 게시판과 흥남동 행정복지센터에 안내하겠습니다.",
    milestones: ["경찰서 합동 현장 조사와 설치 지점 5곳 확정", "비상벨 일체형 방범 CCTV와 LED 보안등 설치"],
    comments: [
      { stance: "PRO", body: "고등학생 딸이 밤에 학원 끝나고 오는 길이라 늘 걱정이었어요. 진행된다니 감사합니다.", late: true },
      {
        stance: "NEUTRAL",
        body: "설치 위치 5곳이 어디인지 공개해 주시면 주민들이 더 안심할 것 같습니다.",
        late: true,
        replies: [{ stance: "PRO", body: "주민센터 게시판에 위치도가 붙어 있더라고요. 여기에도 올려 주시면 좋겠네요.", late: true }],
      },
    ],
  },
  {
    title: "나포 십자뜰 철새 관찰 데크와 탐조 안내 시설을 만들어 주세요",
    body:
      "나포면 십자뜰 일대는 겨울마다 가창오리와 큰기러기 등 많은 철새가 찾는 곳입니다. 그런데 관찰할 수 있는 시설이 없어 탐조객들이 논둑이나 도로 갓길에 차를 세우고 철새를 보다 보니, 철새가 놀라 날아가고 교통사고 위험도 있습니다.\n\n" +
      "철새 서식에 방해가 되지 않는 위치에 가림막이 있는 관찰 데크를 설치하고, 철새 종류를 소개하는 안내판과 소규모 주차 공간을 마련해 주시기를 제안합니다.\n\n" +
      "철새를 보호하면서 생태 관광 자원으로도 활용할 수 있어 나포면 지역 활성화에 도움이 될 것입니다.",
    categoryCode: "environment",
    districtCode: "napo-myeon",
    departmentCode: "environment-policy",
    estimatedCostKrw: 250_000_000,
    status: "IN_PROGRESS",
    openedDaysAgo: 130,
    supportCount: 51,
    authorIndex: 57,
    statusNote:
      "제안을 채택합니다. 조류 전문가 자문을 거쳐 철새 이동 경로를 피한 위치에 가림막이 있는 관찰 데크를 설치하고, 안내판과 소규모 주차 공간을 함께 마련하겠습니다. 실시설계를 거쳐 겨울 철새가 도래하기 전에 공사를 마칠 수 있도록 추진하겠습니다.",
    milestones: ["전문가 자문과 관찰 데크 부지 선정", "실시설계와 관찰 데크 설치 공사"],
    comments: [
      { stance: "PRO", body: "가창오리 군무 보러 매년 갑니다. 관찰 데크가 생기면 사진 찍는 분들도 많이 오실 거예요." },
      {
        stance: "CON",
        body: "사람이 많이 오면 결국 철새에게 피해가 가지 않을까 걱정됩니다. 탐조 시기에는 인원 제한도 검토해 주세요.",
        replies: [{ stance: "NEUTRAL", body: "답변을 보니 전문가 자문을 받았다고 하니 일단 지켜봐도 될 것 같아요.", late: true }],
      },
      { stance: "PRO", body: "마을 어르신들도 관광객이 오면 농산물 판매도 할 수 있다고 좋아하십니다." },
    ],
  },

  // ───────────── 시행 완료 (COMPLETED) ─────────────
  {
    title: "삼학동 어린이공원의 낡은 놀이기구를 교체해 주세요",
    body:
      "삼학동 어린이공원 놀이기구는 설치한 지 오래되어 미끄럼틀 표면이 갈라지고 그네 고리에도 녹이 슬어 있습니다. 바닥 모래도 관리가 잘 되지 않아 아이들을 놀게 하기가 걱정스럽습니다.\n\n" +
      "노후된 놀이기구를 안전 기준에 맞는 새 제품으로 교체하고, 모래 바닥을 탄성 포장재로 바꿔 주시기를 제안합니다. 보호자가 앉아 지켜볼 수 있는 그늘 벤치도 있으면 좋겠습니다.\n\n" +
      "원도심 아이들도 안전하고 깨끗한 놀이 공간을 누릴 수 있게 될 것입니다.",
    categoryCode: "land-development",
    districtCode: "samhak-dong",
    departmentCode: "urban-planning",
    estimatedCostKrw: 120_000_000,
    status: "COMPLETED",
    openedDaysAgo: 180,
    supportCount: 58,
    authorIndex: 22,
    statusNote:
      "제안을 채택합니다. 삼학동 어린이공원의 노후 놀이기구 3종을 안전 기준에 맞는 제품으로 교체하고, 모래 바닥을 탄성 포장으로 바꾸며, 보호자용 그늘 벤치 2개를 설치하겠습니다. 제안해 주시고 공감해 주신 시민 여러분께 감사드립니다.",
    milestones: ["놀이기구 3종 교체와 탄성 포장", "그늘 벤치 설치와 안전 검사"],
    comments: [
      { stance: "PRO", body: "어제 아이랑 가 봤는데 완전히 새 공원이 됐어요. 감사합니다!", late: true },
      {
        stance: "PRO",
        body: "제안이 실제로 이루어지는 걸 보니 참여할 맛이 나네요.",
        late: true,
        replies: [{ stance: "PRO", body: "저도 다음에 동네 일로 제안 올려 보려고요.", late: true }],
      },
      { stance: "NEUTRAL", body: "새 시설이 오래가도록 정기 점검도 꼭 부탁드립니다.", late: true },
    ],
  },
  {
    title: "구암동 주요 횡단보도에 여름철 그늘막을 설치해 주세요",
    body:
      "여름철 한낮에 구암동 큰길 횡단보도에서 신호를 기다리면 햇볕을 피할 곳이 전혀 없습니다. 특히 병원과 시장을 오가는 어르신들이 땡볕 아래 서 있다가 어지럼증을 호소하는 경우도 있습니다.\n\n" +
      "보행자가 많은 횡단보도 몇 곳에 접이식 그늘막을 설치해 주시기를 제안합니다. 다른 동네에 이미 설치된 것과 같은 형태면 충분합니다.\n\n" +
      "적은 비용으로 폭염 피해를 줄이고 보행자의 안전과 편의를 높일 수 있을 것입니다.",
    categoryCode: "public-safety",
    districtCode: "guam-dong",
    departmentCode: "safety",
    estimatedCostKrw: 20_000_000,
    status: "COMPLETED",
    openedDaysAgo: 160,
    supportCount: 53,
    authorIndex: 60,
    statusNote:
      "제안을 채택합니다. 구암동 주요 횡단보도 4곳에 접이식 그늘막을 설치하고, 매년 5월부터 9월까지 펼쳐 운영하겠습니다. 파손이나 불편 사항은 동 행정복지센터로 알려 주시기 바랍니다.",
    milestones: ["설치 위치 4곳 선정과 보행 안전 검토", "접이식 그늘막 4곳 설치"],
    comments: [
      { stance: "PRO", body: "올여름 신호 기다릴 때 정말 시원했어요. 감사합니다.", late: true },
      { stance: "NEUTRAL", body: "시장 앞 횡단보도에도 하나 더 있으면 좋겠어요. 다음에 따로 제안해 볼게요.", late: true },
    ],
  },

  // ───────────── 반려 (REJECTED): 생활민원은 민원 창구로 안내 ─────────────
  {
    title: "우리 집 앞 골목길 아스팔트가 파여서 보수해 주세요",
    body:
      "신풍동 저희 집 앞 골목길 아스팔트가 크게 파여 비가 오면 물웅덩이가 생깁니다. 지나가는 차가 물을 튀기고, 밤에는 웅덩이가 잘 보이지 않아 넘어질 뻔한 적도 있습니다.\n\n" +
      "파손된 부분을 빨리 보수해 주시기 바랍니다.",
    categoryCode: "land-development",
    districtCode: "sinpung-dong",
    departmentCode: null,
    estimatedCostKrw: null,
    status: "REJECTED",
    openedDaysAgo: 35,
    supportCount: 0,
    authorIndex: 79,
    statusNote:
      "도로 파손 보수처럼 특정 장소의 생활 불편 사항은 정책제안이 아닌 생활민원으로 처리됩니다. 국민신문고(www.epeople.go.kr) 또는 시청 민원실·동 행정복지센터로 접수해 주시면 담당 부서에서 현장을 확인해 신속히 조치해 드립니다.",
    comments: [
      {
        stance: "NEUTRAL",
        body: "저도 비슷한 글 올렸다가 안내받았는데, 국민신문고에 올리니 일주일 만에 고쳐 주더라고요.",
        late: true,
      },
    ],
  },

  // ───────────── 만료 (EXPIRED): 30일 안에 공감 50명 미달 ─────────────
  {
    title: "옛 임피역 일대를 작은 문화공간과 간이역 체험장으로 활용해 주세요",
    body:
      "임피면의 옛 임피역은 일제강점기 농촌 간이역의 모습을 잘 간직한 곳이지만, 찾는 사람이 많지 않아 아쉽습니다. 역사 주변에 머물며 즐길 거리가 부족해 잠깐 사진만 찍고 떠나는 경우가 대부분입니다.\n\n" +
      "역사 주변에 작은 전시 공간과 주말 문화 프로그램을 운영하고, 아이들이 옛 기차표와 역무원 체험을 할 수 있는 간이역 체험장을 만들어 주시기를 제안합니다.\n\n" +
      "군산 원도심 근대역사 관광과 연계하면 농촌 지역에도 관광객이 찾아오는 계기가 될 것입니다.",
    categoryCode: "culture-tourism",
    districtCode: "impi-myeon",
    departmentCode: null,
    estimatedCostKrw: 150_000_000,
    status: "EXPIRED",
    openedDaysAgo: 70,
    supportCount: 16,
    authorIndex: 48,
    comments: [
      { stance: "PRO", body: "임피역 정말 예쁜데 알려지지 않아서 아쉬웠어요. 좋은 제안입니다." },
      {
        stance: "CON",
        body: "관광객이 많지 않은 곳에 시설부터 만들면 운영이 어려울 것 같아요. 원도심 관광 코스에 넣는 것부터 해 보면 어떨까요?",
      },
    ],
  },
  {
    title: "개정면 농촌 빈집을 고쳐 귀농·귀촌 체험 주택으로 활용해 주세요",
    body:
      "개정면에도 사람이 살지 않는 빈집이 늘어나 마을 경관이 나빠지고 안전 문제도 생기고 있습니다. 한편 귀농·귀촌을 고민하는 분들은 살아 볼 집을 구하기 어려워 결정을 망설이는 경우가 많습니다.\n\n" +
      "소유자 동의를 받은 빈집을 시가 리모델링해 귀농·귀촌 희망자에게 몇 달씩 저렴하게 빌려주는 체험 주택으로 운영해 주시기를 제안합니다.\n\n" +
      "빈집 문제를 해결하면서 새로운 인구 유입을 이끌어 농촌 마을에 활력을 줄 수 있을 것입니다.",
    categoryCode: "agri-fisheries",
    districtCode: "gaejeong-myeon",
    departmentCode: null,
    estimatedCostKrw: 500_000_000,
    status: "EXPIRED",
    openedDaysAgo: 150,
    supportCount: 24,
    authorIndex: 76,
    comments: [
      { stance: "PRO", body: "귀농을 준비하면서 살 집 구하는 게 제일 어려웠어요. 이런 제도가 있으면 정말 좋겠습니다." },
      {
        stance: "NEUTRAL",
        body: "빈집 소유자들이 동의를 잘 안 해 준다고 들었어요. 재산세 감면 같은 유인책이 같이 있어야 할 것 같습니다.",
        replies: [{ stance: "PRO", body: "좋은 생각이네요. 다음에 다시 제안할 때 그 내용을 추가하면 좋겠어요." }],
      },
    ],
  },
];
