resource "aws_datasync_location_s3" "bucket" {
  depends_on = ["aws_instance.agent"]

  s3_bucket_arn = "${data.aws_s3_bucket.bucket.arn}"
  subdirectory  = "${var.datasync_location_s3_subdirectory}"

  s3_config {
    bucket_access_role_arn = "${aws_iam_role.bucket_access.arn}"
  }
}

resource "aws_datasync_location_nfs" "efs" {
  depends_on = ["aws_instance.agent"]

  server_hostname = "${data.aws_efs_file_system.target.dns_name}"
  subdirectory    = "${var.datasync_location_nfs_subdirectory}"

  on_prem_config {
    agent_arns = ["${aws_datasync_agent.agent.arn}"]
  }
}

resource "aws_datasync_task" "push" {
  name                     = "datasync-task-${var.datasync_agent["name"]}-${var.env}"
  source_location_arn      = "${aws_datasync_location_s3.bucket.arn}"
  destination_location_arn = "${aws_datasync_location_nfs.efs.arn}"
  cloudwatch_log_group_arn = "${join("", split(":*", aws_cloudwatch_log_group.task.arn))}"

  options {
    bytes_per_second       = -1
    verify_mode            = "${var.datasync_task_options["verify_mode"]}"
    posix_permissions      = "${var.datasync_task_options["posix_permissions"]}"
    preserve_deleted_files = "${var.datasync_task_options["preserve_deleted_files"]}"
    uid                    = "${var.datasync_task_options["uid"]}"
    gid                    = "${var.datasync_task_options["gid"]}"
    atime                  = "${var.datasync_task_options["atime"]}"
    mtime                  = "${var.datasync_task_options["mtime"]}"
  }

  tags = {
    Name = "datasync-task-${var.datasync_agent["name"]}-${var.env}",
    env  = "${var.env}"
  }
}
