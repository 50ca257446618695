"""The snapshot format: table names, column lists and index definitions (11_data_model.md Appendix A).

Shared by the crawler, the synthetic generator and every reader. Readers look columns up by name and
tolerate absence (an original file, an endpoint that returned nothing); these lists are the full shape
our writers produce, in order. Kept light: importing this module costs nothing.
"""

ENDPOINT_TABLES = ("organization", "people", "deal", "lead", "memo", "user", "team")
ENDPOINTS = tuple("/" + t for t in ENDPOINT_TABLES)
DATA_TABLES = ENDPOINT_TABLES + ("webform_history",)
ALL_TABLES = DATA_TABLES + ("manifest", "run_info")
DEFAULT_BASE_URL = "https://salesmap.kr/api/v2"
# The two deal keys that first appear on a later page and so come last (11 §2.2).
LATE_DEAL_KEYS = ("환불(공개 교육 파이프라인)로 진입한 날짜", "환불(공개 교육 파이프라인)에서 퇴장한 날짜")

COLUMNS: dict[str, tuple[str, ...]] = {
    "organization": (
        "id", "LMS 교체일", "Label", "RecordId", "공개교육 수강", "관리 상태", "기업 규모", "기업 순위", "기업집단명", "다음 TODO 날짜",
        "담당자", "딜 개수", "리드 개수", "링크드인", "미완료 TODO", "사업자등록번호", "생성 날짜", "성사된 딜 개수", "소스", "수정 날짜", "실패된 딜 개수",
        "업종", "업종 구분(대)", "업종 구분(중)", "업종 세부", "연결된 고객 수", "완료 TODO", "웹 주소", "이름", "이메일", "전체 TODO", "전화",
        "제출된 웹폼 목록", "종료된 딜 수", "주소", "직원수", "진행중 딜 개수", "총 매출", "최근 노트 작성일", "최근 노트 작성자", "최근 딜 성사 날짜",
        "최근 성사된 딜 금액", "최근 웹폼 제출 날짜", "최근 작성된 노트", "최근 제출된 웹폼", "팀", "프로필 사진",
    ),
    "people": (
        "id", "organizationId", "AI 교육 니즈", "Label", "RecordId", "utm_campaign", "utm_content", "utm_medium",
        "utm_source", "고객 그룹", "고객 상태", "고객 여정 단계", "공개형 교육", "관리 여부", "관심사", "누적 시퀀스 등록수", "뉴스레터",
        "다음 TODO 날짜", "담당 교육 영역", "담당 업무", "담당자", "등록된 시퀀스 목록", "딜 개수", "리드 개수", "리텐션 관리 여부", "링크드인",
        "마케팅 수신 동의", "미완료 TODO", "비즈레터 구독(사용X)", "생성 날짜", "성사된 딜 개수", "세미나참석", "세일즈 유관 고객 관리", "소속 상위 조직",
        "소스", "수신 거부 사유", "수신 거부 여부", "수정 날짜", "숨참", "신규 MQL", "연락처 이슈", "온라인TF 관리 중", "완료 TODO", "웨비나", "이름",
        "이메일", "전체 TODO", "전화", "제출된 웹폼 목록", "직급(명함/메일서명)", "직급/직책", "진행중 딜 개수", "참여자 (딜)", "참여자 (리드)",
        "총 매출", "최근 고객 활동일", "최근 노트 작성일", "최근 노트 작성자", "최근 등록한 시퀀스", "최근 시퀀스 등록일", "최근 연락일", "최근 웹폼 제출 날짜",
        "최근 유선 연락일", "최근 이메일 받은 날짜", "최근 이메일 보낸 날짜", "최근 이메일 연락일", "최근 이메일 오픈일", "최근 작성된 노트", "최근 제출된 웹폼",
        "콘텐츠/행사 신청 배경", "팀", "팀(명함/메일서명)", "포지션", "프로필 사진", "현재 진행중인 시퀀스 여부",
    ),
    "deal": (
        "id", "peopleId", "organizationId", "(온라인)입과 주기", "(온라인)최초 입과 여부", "1차 f-up(교육 제안)로 진입한 날짜",
        "1차 f-up(교육 제안)에서 퇴장한 날짜", "2차 f-up(교육 제안)로 진입한 날짜", "2차 f-up(교육 제안)에서 퇴장한 날짜",
        "AE인계(Sales Development)로 진입한 날짜", "AE인계(Sales Development)에서 퇴장한 날짜", "LOST 확정일", "Net(%)",
        "Proposal 송부(교육 제안)로 진입한 날짜", "Proposal 송부(교육 제안)에서 퇴장한 날짜", "Proposal 준비(교육 제안)로 진입한 날짜",
        "Proposal 준비(교육 제안)에서 퇴장한 날짜", "RecordId", "SDR (AE 배정 후)", "SQL 전환일", "utm_campaign", "utm_content",
        "utm_medium", "utm_source", "강사 이름1", "강사 이름2", "강사 이름3", "강사 이름4", "강사 이름5", "강사료1", "강사료2", "강사료3",
        "강사료4", "강사료5", "계약 체결일", "과정포맷", "교육 시작월(예상)", "교육 종료(Ongoing)로 진입한 날짜", "교육 종료(Ongoing)에서 퇴장한 날짜",
        "교육 종료(교육 운영)로 진입한 날짜", "교육 종료(교육 운영)에서 퇴장한 날짜", "교육 주제", "교육 중(Ongoing)로 진입한 날짜",
        "교육 중(Ongoing)에서 퇴장한 날짜", "교육 중(교육 운영)로 진입한 날짜", "교육 중(교육 운영)에서 퇴장한 날짜", "교육 회고(교육 운영)로 진입한 날짜",
        "교육 회고(교육 운영)에서 퇴장한 날짜", "구독 시작 유형", "구독 시작일", "구독 종료 유형", "구독 종료일", "금액", "기업 니즈", "기획시트 링크",
        "누적 시퀀스 등록수", "다음 TODO 날짜", "다음 연락일", "담당 파트", "담당자", "등록된 시퀀스 목록", "딜 전환 유형", "리드 목록", "마감일",
        "매출 집계 예정(교육 제안)로 진입한 날짜", "매출 집계 예정(교육 제안)에서 퇴장한 날짜", "메인 견적 상품 리스트", "문의 주제 (최초)", "문의 주제 (후속)",
        "미완료 TODO", "미팅 완료(Sales Development)로 진입한 날짜", "미팅 완료(Sales Development)에서 퇴장한 날짜",
        "미팅(교육 제안)로 진입한 날짜", "미팅(교육 제안)에서 퇴장한 날짜", "방문 경로", "보완 Proposal(교육 제안)로 진입한 날짜",
        "보완 Proposal(교육 제안)에서 퇴장한 날짜", "상담 문의 내용", "상태", "생성 날짜", "서비스 유형 (최초)", "서비스 유형 (후속)", "성사 가능성",
        "소스", "수강시작일", "수강종료일", "수료 조건 (온라인)", "수정 날짜", "수주 예정일", "수주 예정일(지연)", "실제 수주액", "실패 사유", "실패 상세 사유",
        "업로드 제안서명", "영업 기회(Sales Development)로 진입한 날짜", "영업 기회(Sales Development)에서 퇴장한 날짜",
        "영업 제안(Sales Development)로 진입한 날짜", "영업 제안(Sales Development)에서 퇴장한 날짜", "예상 교육 인원", "예상 교육 일정",
        "예상 입금일자", "예상 체결액", "온보딩(Ongoing)로 진입한 날짜", "온보딩(Ongoing)에서 퇴장한 날짜", "완료 TODO", "운영 담당자",
        "운영 담당자 (사용X)", "운영 세팅 중 (AE)(교육 운영)로 진입한 날짜", "운영 세팅 중 (AE)(교육 운영)에서 퇴장한 날짜",
        "운영 세팅 중 (CSM)(교육 운영)로 진입한 날짜", "운영 세팅 중 (CSM)(교육 운영)에서 퇴장한 날짜", "운영 요청(Ongoing)로 진입한 날짜",
        "운영 요청(Ongoing)에서 퇴장한 날짜", "월 구독 금액", "이름", "이탈 사유", "인바운드 유입(교육 제안)로 진입한 날짜",
        "인바운드 유입(교육 제안)에서 퇴장한 날짜", "입과자 (온라인)", "입찰/PT 여부", "자동 응대 메일 발송(Dropped Deals)로 진입한 날짜",
        "자동 응대 메일 발송(Dropped Deals)에서 퇴장한 날짜", "전체 TODO", "제안서 발송일", "제안서 작성 여부", "종료까지 걸린 시간",
        "종료된 파이프라인 단계", "참여자", "최근 노트 작성일", "최근 노트 작성자", "최근 등록한 시퀀스", "최근 시퀀스 등록일", "최근 연락일", "최근 웹폼 제출 날짜",
        "최근 작성된 노트", "최근 제출된 웹폼", "최근 파이프라인 단계 수정 날짜", "최근 파이프라인 수정 날짜", "최종 f-up(교육 제안)로 진입한 날짜",
        "최종 f-up(교육 제안)에서 퇴장한 날짜", "카테고리", "코스 ID", "팀", "파이프라인", "파이프라인 단계", "팔로워", "현재 진행중인 시퀀스 여부",
        "후속 FUP 필요(Sales Development)로 진입한 날짜", "후속 FUP 필요(Sales Development)에서 퇴장한 날짜",
        "환불(공개 교육 파이프라인)로 진입한 날짜", "환불(공개 교육 파이프라인)에서 퇴장한 날짜",
    ),
    "lead": (
        "id", "peopleId", "organizationId", "(온라인)입과 주기", "(온라인)최초 입과 여부",
        "1차 안내 완료(결제완료)(공개 교육 파이프라인)로 진입한 날짜", "1차 안내 완료(결제완료)(공개 교육 파이프라인)에서 퇴장한 날짜",
        "2차 안내 완료(공개 교육 파이프라인)로 진입한 날짜", "2차 안내 완료(공개 교육 파이프라인)에서 퇴장한 날짜", "LOST 확정일", "Net(%)", "RecordId",
        "SDR (AE 배정 후)", "SQL 전환일", "강사 이름1", "강사 이름2", "강사 이름3", "강사료1", "강사료2", "강사료3", "계약 체결일",
        "공개 교육 결제 방식", "공개 교육 과정 이름", "공개 교육 단체 인원", "공개 교육 상품유형", "공개 교육 수강일 - B2B 영업",
        "공개 교육 수강일 - MD 상품기획", "공개 교육 수강일 - R&D 기획", "공개 교육 수강일 - 비즈니스 기획", "공개 교육 수강일 - 엑셀 데이터 분석",
        "공개 교육 수강일 - 엑셀 업무 자동화", "공개 교육 환불 여부", "과정포맷", "교육 시작월(예상)", "금액", "누적 시퀀스 등록수", "다음 TODO 날짜",
        "다음 연락일", "단체신청 응대 완료(공개 교육 파이프라인)로 진입한 날짜", "단체신청 응대 완료(공개 교육 파이프라인)에서 퇴장한 날짜", "담당 파트", "담당자",
        "등록된 시퀀스 목록", "딜 목록", "딜 전환 유형", "리드 그룹", "메인 견적 상품 리스트", "문의 주제 (최초)", "문의 주제 (후속)", "미완료 TODO",
        "방문 경로", "보류 사유", "보류 상세 사유", "상태", "새 리드(리드 파이프라인)로 진입한 날짜", "새 리드(리드 파이프라인)에서 퇴장한 날짜", "생성 날짜",
        "서비스 유형 (최초)", "서비스 유형 (후속)", "성사 가능성", "소스", "수강 당일 안내(공개 교육 파이프라인)로 진입한 날짜",
        "수강 당일 안내(공개 교육 파이프라인)에서 퇴장한 날짜", "수강 완료(공개 교육 파이프라인)로 진입한 날짜", "수강 완료(공개 교육 파이프라인)에서 퇴장한 날짜",
        "수강시작일", "수강종료일", "수료 조건 (온라인)", "수정 날짜", "수주 예정일", "수주 예정일(지연)", "신청서 제출 완료(공개 교육 파이프라인)로 진입한 날짜",
        "신청서 제출 완료(공개 교육 파이프라인)에서 퇴장한 날짜", "실제 수주액", "업로드 제안서명", "연락 시도 중(리드 파이프라인)로 진입한 날짜",
        "연락 시도 중(리드 파이프라인)에서 퇴장한 날짜", "연락 완료(리드 파이프라인)로 진입한 날짜", "연락 완료(리드 파이프라인)에서 퇴장한 날짜",
        "영업 대상 보류(리드 파이프라인)로 진입한 날짜", "영업 대상 보류(리드 파이프라인)에서 퇴장한 날짜", "영업 대상 확정(리드 파이프라인)로 진입한 날짜",
        "영업 대상 확정(리드 파이프라인)에서 퇴장한 날짜", "예상 교육 인원", "예상 교육 일정", "예상 입금일자", "예상 체결액", "완료 TODO", "운영 담당자",
        "운영 담당자 (사용X)", "유형", "이름", "이탈 사유", "입과자 (온라인)", "입찰/PT 여부", "전체 TODO", "제안서 발송일", "제안서 작성 여부",
        "참여자", "총 매출", "최근 노트 작성일", "최근 노트 작성자", "최근 등록한 시퀀스", "최근 딜의 파이프라인 단계", "최근 시퀀스 등록일", "최근 연락일",
        "최근 웹폼 제출 날짜", "최근 작성된 노트", "최근 제출된 웹폼", "최근 파이프라인 단계 수정 날짜", "최근 파이프라인 수정 날짜", "카테고리", "코스 ID", "팀",
        "파이프라인", "파이프라인 단계", "팔로워", "현재 진행중인 시퀀스 여부", "환불(공개 교육 파이프라인)로 진입한 날짜", "환불(공개 교육 파이프라인)에서 퇴장한 날짜",
    ),
    "memo": (
        "id", "htmlBody", "text", "dealId", "leadId", "peopleId", "organizationId", "productId", "quoteId",
        "todoId", "parentId", "ownerId", "updatedAt", "createdAt",
    ),
    "user": (
        "id", "name", "status", "email", "role", "createdAt", "updatedAt",
    ),
    "team": (
        "id", "name", "description", "teammateList",
    ),
    "webform_history": (
        "id", "peopleId", "organizationId", "dealId", "leadId", "contents", "createdAt", "webFormId",
    ),
    "manifest": (
        "table", "endpoint", "row_count", "column_count", "errors",
    ),
    "run_info": (
        "run_tag", "captured_at_utc", "base_url", "endpoints", "note", "checkpoint_path", "final_db_path",
    ),
}

# (index name, table, column): created by the prepare step (11 §2.8, 10 §C.5).
INDEXES = (
    ("ix_deal_organizationId", "deal", "organizationId"),
    ("ix_deal_peopleId", "deal", "peopleId"),
    ("ix_people_organizationId", "people", "organizationId"),
    ("ix_memo_dealId", "memo", "dealId"),
    ("ix_memo_peopleId", "memo", "peopleId"),
    ("ix_memo_organizationId", "memo", "organizationId"),
    ("ix_webform_history_peopleId", "webform_history", "peopleId"),
)

MANIFEST_DDL = ('CREATE TABLE "manifest" ("table" TEXT, "endpoint" TEXT, "row_count" INTEGER, '
                '"column_count" INTEGER, "errors" TEXT)')
RUN_INFO_DDL = ('CREATE TABLE "run_info" ("run_tag" TEXT, "captured_at_utc" TEXT, "base_url" TEXT, '
                '"endpoints" TEXT, "note" TEXT, "checkpoint_path" TEXT, "final_db_path" TEXT)')
